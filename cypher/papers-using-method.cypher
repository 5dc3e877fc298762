// Papers that use or propose a method, with the evidence sentence.
// @param method: the method's name, any case (example: LLM)
MATCH (p:Paper)-[r:USES|PROPOSES]->(m:Method)
WHERE toLower(m.name) = toLower($method)
RETURN p.key AS paper, p.title AS title, r.evidence AS evidence
ORDER BY paper
