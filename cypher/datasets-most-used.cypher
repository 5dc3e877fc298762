// Datasets by the number of papers that evaluate on them or release them.
// @param limit: how many datasets to list (example: 20)
MATCH (p:Paper)-[:EVALUATES_ON|PROPOSES]->(d:Dataset)
RETURN d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY papers DESC, dataset
LIMIT $limit
