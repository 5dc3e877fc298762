// Authors with the most papers in the graph.
// @param limit: how many authors to list (example: 20)
MATCH (a:Author)-[:WROTE]->(p:Paper)
RETURN a.name AS author, count(DISTINCT p) AS papers
ORDER BY papers DESC, author
LIMIT $limit
