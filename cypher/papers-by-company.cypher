// Papers that mention a company or one of its products, deployed ones first.
// @param company: company or product name, any case (example: Kuaishou)
MATCH (p:Paper)-[m:MENTIONS]->(c:Company)
OPTIONAL MATCH (c)-[:PART_OF]->(parent:Company)
WITH p, m, c, parent
WHERE toLower(c.name) = toLower($company) OR toLower(parent.name) = toLower($company)
RETURN p.key AS paper, p.title AS title, c.name AS company, m.deployed AS deployed
ORDER BY deployed DESC, paper, company
