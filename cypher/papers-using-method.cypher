// Papers that use or propose a method, newest first, with the evidence sentence.
// @param method: the method's name, any case (example: LLM)
// @param limit: most papers to list (example: 100)
MATCH (p:Paper)-[r:USES|PROPOSES]->(m:Method)
WHERE toLower(m.name) = toLower($method)
RETURN p.key AS paper, p.title AS title, r.evidence AS evidence
ORDER BY paper DESC
LIMIT $limit
