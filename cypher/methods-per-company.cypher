// Methods used or proposed by papers that mention each company, most papers first.
MATCH (c:Company)<-[:MENTIONS]-(p:Paper)-[:USES|PROPOSES]->(m:Method)
RETURN c.name AS company, m.name AS method, count(DISTINCT p) AS papers
ORDER BY company, papers DESC, method
