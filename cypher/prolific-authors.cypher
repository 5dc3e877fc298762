// Authors with the most papers in the graph.
// @param limit: how many authors to list (example: 20)

// count(*) per author node: a WROTE edge joins an author to a paper once, and counting
// rows is cheaper than count(DISTINCT p) over every edge of a large graph.
MATCH (a:Author)-[:WROTE]->(:Paper)
WITH a, count(*) AS papers
RETURN a.name AS author, papers
ORDER BY papers DESC, author
LIMIT $limit
