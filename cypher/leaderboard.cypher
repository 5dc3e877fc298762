// Leaderboard of a metric on a dataset: every result papers report for it, best first
// (scores, then gains written with a sign, each by number), with the method it belongs to,
// the baseline it is relative to, the paper and the evidence.
// @param dataset: the dataset's name, any case (example: TREC DL)
// @param metric: the metric's name, any case (example: NDCG@10)
// @param better: 1 where a higher value is better, -1 where a lower one is (RMSE, latency) (example: 1)
MATCH (d:Dataset)<-[:MEASURED_ON]-(r:Result)-[:MEASURES]->(x:Metric)
WHERE toLower(d.name) = toLower($dataset) AND toLower(x.name) = toLower($metric)
MATCH (p:Paper)-[:CLAIMS]->(r)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Method)
OPTIONAL MATCH (r)-[:AGAINST]->(b:Method)
WITH r, p, m, b, r.value STARTS WITH '+' OR r.value STARTS WITH '-' AS gain, r.number * $better AS score
RETURN m.name AS method, r.value AS value, gain, b.name AS against, r.setting AS setting, p.key AS paper,
       p.title AS title, r.evidence AS evidence
ORDER BY gain, score IS NULL, score DESC, paper, value
