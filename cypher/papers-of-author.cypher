// Papers of an author, newest first, with the author's position in the byline.
// @param author: the author's name, any case, with or without dots (example: Kun Gai)
MATCH (a:Author {key: replace(replace(toLower(trim($author)), '.', ' '), '  ', ' ')})-[w:WROTE]->(p:Paper)
RETURN p.key AS paper, p.title AS title, coalesce(p.published, p.digest_date, '') AS date, w.position AS position
ORDER BY date DESC, paper
