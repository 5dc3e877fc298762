// The concepts of a label with the most papers.
MATCH (p:Paper)-->(c:{{label}})
RETURN c.key AS key, c.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
