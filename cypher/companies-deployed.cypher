// Companies and products by the papers that mention them, and how many state a deployment.
MATCH (p:Paper)-[m:MENTIONS]->(c:Company)
RETURN c.name AS company, count(DISTINCT p) AS papers,
       sum(CASE WHEN m.deployed THEN 1 ELSE 0 END) AS deployed
ORDER BY papers DESC, company
