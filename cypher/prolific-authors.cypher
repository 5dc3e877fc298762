// Authors with the most papers in the graph.
// @param limit: how many authors to list (example: 20)

// Author.papers is the author's WROTE count, kept by every write: ranking needs no
// aggregate over every WROTE link.
MATCH (a:Author)
WHERE a.papers > 0
RETURN a.name AS author, a.papers AS papers
ORDER BY papers DESC, author
LIMIT $limit
