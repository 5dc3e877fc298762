// Co-authors of an author, by the number of papers written together.
// @param author: the author's name, any case (example: Guorui Zhou)
MATCH (a:Author)-[:WROTE]->(p:Paper)<-[:WROTE]-(b:Author)
WHERE toLower(a.name) = toLower($author) AND a.key <> b.key
RETURN b.name AS coauthor, count(DISTINCT p) AS papers
ORDER BY papers DESC, coauthor
