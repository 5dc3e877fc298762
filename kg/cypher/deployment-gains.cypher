// Deployments the given papers state (MENTIONS {deployed: true}) and the online results
// they claim (a Result {setting: 'online'} with the Metric it measures and the Method it is
// ACHIEVED_BY), one row per deployment and result (metric null when the paper claims none).
// kg.report.gains reads this.
UNWIND $keys AS k
MATCH (p:Paper {key: k})-[m:MENTIONS]->(c:Company)
WHERE m.deployed
OPTIONAL MATCH (p)-[:CLAIMS]->(r:Result)-[:MEASURES]->(x:Metric)
WHERE r.setting = 'online'
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(w:Method)
RETURN p.key AS paper, c.key AS company_key, c.name AS company, m.evidence AS evidence,
       x.name AS metric, r.value AS value, r.evidence AS gain_evidence, w.name AS method
