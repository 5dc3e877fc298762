// The methods papers most often state results against: per baseline, the papers and how
// many named methods of theirs beat it.
// @param limit: how many baselines to list (example: 20)
MATCH (p:Paper)-[:CLAIMS]->(r:Result)-[:AGAINST]->(b:Method)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Method)
RETURN b.name AS baseline, count(DISTINCT p) AS papers, count(DISTINCT m) AS methods
ORDER BY papers DESC, methods DESC, baseline
LIMIT $limit
