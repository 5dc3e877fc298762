// Papers that link to a concept of a label twice, PROPOSES and {{rel}} (a paper has one
// link of each type to a concept, and only PROPOSES shares its ends with another type:
// USES a Method, EVALUATES_ON a Dataset), with their dates (see _paper-date).
MATCH (p:Paper)-[:PROPOSES]->(c:{{label}})<-[:{{rel}}]-(p)
{{paper_date c}}
WHERE date IS NOT NULL
RETURN c.key AS key, date
