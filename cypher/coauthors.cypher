// Co-authors of an author, by the number of papers written together.
// @param author: the author's name, any case, with or without dots (example: Guorui Zhou)
MATCH (a:Author {key: replace(replace(toLower(trim($author)), '.', ' '), '  ', ' ')})-[:WROTE]->(p:Paper)<-[:WROTE]-(b:Author)
WHERE a.key <> b.key
RETURN b.name AS coauthor, count(DISTINCT p) AS papers
ORDER BY papers DESC, coauthor
