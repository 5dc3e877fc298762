// The Results that a Method is {{rel}} (ACHIEVED_BY: its own, against what it beats;
// AGAINST: those of what beats it), each with its paper, the method it belongs to (none
// where the paper names none of its own), the baseline, metric, value and dataset (none
// for a claim without a number). kg.views.method draws them.
MATCH (p:Paper)-[:CLAIMS]->(r:Result)-[:{{rel}}]->(:Method {key: $key})
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(w:Method)
OPTIONAL MATCH (r)-[:AGAINST]->(b:Method)
OPTIONAL MATCH (r)-[:MEASURES]->(x:Metric)
OPTIONAL MATCH (r)-[:MEASURED_ON]->(d:Dataset)
RETURN p.key AS paper, p.title AS title, w.key AS winner_key, w.name AS winner, b.key AS beaten_key,
       b.name AS beaten, x.name AS metric, r.value AS value, r.number AS number, d.name AS dataset,
       r.evidence AS evidence
ORDER BY paper, r.key
