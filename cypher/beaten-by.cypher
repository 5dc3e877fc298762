// What a method beats: the methods its papers state results against, where and by how much
// where they say so (a claim without a number has no metric).
// @param method: the method's name, any case (example: EviRerank)
MATCH (p:Paper)-[:CLAIMS]->(r:Result)-[:ACHIEVED_BY]->(m:Method)
WHERE toLower(m.name) = toLower($method)
MATCH (r)-[:AGAINST]->(b:Method)
OPTIONAL MATCH (r)-[:MEASURES]->(x:Metric)
OPTIONAL MATCH (r)-[:MEASURED_ON]->(d:Dataset)
RETURN b.name AS beaten, x.name AS metric, r.value AS value, d.name AS dataset, p.key AS paper, p.title AS title,
       r.evidence AS evidence
ORDER BY beaten, paper, metric, dataset, value
