// Every concept a paper links to: what it proposes, uses, evaluates on, mentions, reports, addresses.
// @param paper: an arXiv id, a node key, or part of the title (example: 2511.14221)
MATCH (p:Paper)-[r:PROPOSES]->(c:Method)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'PROPOSES' AS relation, 'Method' AS kind, c.name AS concept, '' AS detail
UNION ALL
MATCH (p:Paper)-[r:PROPOSES]->(c:Dataset)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'PROPOSES' AS relation, 'Dataset' AS kind, c.name AS concept, '' AS detail
UNION ALL
MATCH (p:Paper)-[r:USES]->(c:Method)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'USES' AS relation, 'Method' AS kind, c.name AS concept, '' AS detail
UNION ALL
MATCH (p:Paper)-[r:EVALUATES_ON]->(c:Dataset)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'EVALUATES_ON' AS relation, 'Dataset' AS kind, c.name AS concept, '' AS detail
UNION ALL
MATCH (p:Paper)-[r:MENTIONS]->(c:Company)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'MENTIONS' AS relation, 'Company' AS kind, c.name AS concept,
       CASE WHEN r.deployed THEN 'deployed' ELSE '' END AS detail
UNION ALL
MATCH (p:Paper)-[r:REPORTS]->(c:Metric)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'REPORTS' AS relation, 'Metric' AS kind, c.name AS concept,
       coalesce(r.value, '') AS detail
UNION ALL
MATCH (p:Paper)-[r:ADDRESSES]->(c:Task)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
RETURN p.key AS paper, 'ADDRESSES' AS relation, 'Task' AS kind, c.name AS concept, '' AS detail
