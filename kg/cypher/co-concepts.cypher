// The concepts of a label that the given papers name most, with how many of them name each.
UNWIND $keys AS k
MATCH (p:Paper {key: k})-->(c:{{label}})
RETURN c.key AS key, c.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, key
LIMIT $limit
