// Papers that link to a concept of a label twice, with their dates (see _paper-date): a
// paper has one link of each type to a concept, and the only type that shares its ends
// with another is PROPOSES (PROPOSES and USES a Method, PROPOSES and EVALUATES_ON a Dataset).
MATCH (p:Paper)-[:PROPOSES]->(c:{{label}})
MATCH (p)-->(c)
WITH p, c, count(*) AS links
WHERE links > 1
{{paper_date c}}
WHERE date IS NOT NULL
RETURN c.key AS key, date
