// Deployments the given papers state (MENTIONS {deployed: true}) and the online gains they
// report (REPORTS {value, setting: 'online'}), one row per deployment and gain (metric null
// when the paper reports none). kg.report.gains reads this; when results become Result
// nodes, this file is the one to change.
UNWIND $keys AS k
MATCH (p:Paper {key: k})-[m:MENTIONS]->(c:Company)
WHERE m.deployed
OPTIONAL MATCH (p)-[r:REPORTS]->(x:Metric)
WHERE r.setting = 'online'
RETURN p.key AS paper, c.key AS company_key, c.name AS company, m.evidence AS evidence,
       x.name AS metric, r.value AS value, r.evidence AS gain_evidence
