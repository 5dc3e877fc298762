// Papers per task, newest first (by publication date, else the digest's date).
// @param since: earliest date to list, ISO (example: 2024-01-01)
// @param limit: most rows to list (example: 500)
MATCH (p:Paper)-[:ADDRESSES]->(t:Task)
WITH t, p, coalesce(p.published, p.digest_date, '') AS date
WHERE date >= $since
RETURN t.name AS task, p.key AS paper, p.title AS title, date
ORDER BY task, date DESC, paper
LIMIT $limit
