// Papers of an author, newest first, with the author's position in the byline.
// @param author: the author's name, any case (example: Kun Gai)
MATCH (a:Author)-[w:WROTE]->(p:Paper)
WHERE toLower(a.name) = toLower($author)
RETURN p.key AS paper, p.title AS title, coalesce(p.published, p.digest_date, '') AS date, w.position AS position
ORDER BY date DESC, paper
