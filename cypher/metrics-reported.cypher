// Metrics reported with a value: the value, its setting (online/offline) and the paper.
// @param limit: most rows to list (example: 500)
MATCH (p:Paper)-[r:REPORTS]->(m:Metric)
WHERE r.value IS NOT NULL
RETURN m.name AS metric, r.value AS value, coalesce(r.setting, '') AS setting, p.key AS paper, p.title AS title
ORDER BY metric, paper
LIMIT $limit
