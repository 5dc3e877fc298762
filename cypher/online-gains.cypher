// Online gains at a company: the online results claimed by papers that state a deployment
// at it (or at one of its products), with the method each belongs to.
// @param company: company or product name, any case (example: Kuaishou)
MATCH (p:Paper)-[m:MENTIONS]->(c:Company)
WHERE m.deployed
OPTIONAL MATCH (c)-[:PART_OF]->(parent:Company)
WITH p, c, parent
WHERE toLower(c.name) = toLower($company) OR toLower(parent.name) = toLower($company)
MATCH (p)-[:CLAIMS]->(r:Result)-[:MEASURES]->(x:Metric)
WHERE r.setting = 'online'
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(w:Method)
RETURN c.name AS company, w.name AS method, x.name AS metric, r.value AS gain, p.key AS paper, p.title AS title,
       r.evidence AS evidence
ORDER BY company, paper, metric, gain
