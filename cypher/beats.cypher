// What beats a method: each result a paper states against it, with the paper's own method
// (none where the paper names none), and where and by how much where the paper says so (a
// claim without a number has no metric).
// @param method: the beaten method's name, any case (example: RankLLaMA)
MATCH (p:Paper)-[:CLAIMS]->(r:Result)-[:AGAINST]->(b:Method)
WHERE toLower(b.name) = toLower($method)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Method)
OPTIONAL MATCH (r)-[:MEASURES]->(x:Metric)
OPTIONAL MATCH (r)-[:MEASURED_ON]->(d:Dataset)
RETURN m.name AS method, x.name AS metric, r.value AS value, d.name AS dataset, p.key AS paper, p.title AS title,
       r.evidence AS evidence
ORDER BY paper, method, metric, dataset, value
