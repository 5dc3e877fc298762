// Every concept a paper links to: what it proposes, uses, evaluates on, mentions, reports, addresses.
// @param paper: an arXiv id, a node key, or part of the title (example: 2511.14221)

// The paper is found once (a title search scans every Paper), then each relation is
// collected from it: rows are maps so the one list holds them all in both engines.
MATCH (p:Paper)
WHERE p.key = $paper OR p.arxiv_id = $paper OR toLower(p.title) CONTAINS toLower($paper)
OPTIONAL MATCH (p)-[:PROPOSES]->(c:Method)
WITH p, collect({relation: 'PROPOSES', kind: 'Method', concept: c.name, detail: ''}) AS found
OPTIONAL MATCH (p)-[:PROPOSES]->(c:Dataset)
WITH p, found, collect({relation: 'PROPOSES', kind: 'Dataset', concept: c.name, detail: ''}) AS more
WITH p, found + more AS found
OPTIONAL MATCH (p)-[:USES]->(c:Method)
WITH p, found, collect({relation: 'USES', kind: 'Method', concept: c.name, detail: ''}) AS more
WITH p, found + more AS found
OPTIONAL MATCH (p)-[:EVALUATES_ON]->(c:Dataset)
WITH p, found, collect({relation: 'EVALUATES_ON', kind: 'Dataset', concept: c.name, detail: ''}) AS more
WITH p, found + more AS found
OPTIONAL MATCH (p)-[r:MENTIONS]->(c:Company)
WITH p, found, collect({relation: 'MENTIONS', kind: 'Company', concept: c.name,
                        detail: CASE WHEN r.deployed THEN 'deployed' ELSE '' END}) AS more
WITH p, found + more AS found
OPTIONAL MATCH (p)-[r:REPORTS]->(c:Metric)
WITH p, found, collect({relation: 'REPORTS', kind: 'Metric', concept: c.name, detail: coalesce(r.value, '')}) AS more
WITH p, found + more AS found
OPTIONAL MATCH (p)-[:ADDRESSES]->(c:Task)
WITH p, found, collect({relation: 'ADDRESSES', kind: 'Task', concept: c.name, detail: ''}) AS more
UNWIND found + more AS hit
WITH p, hit WHERE hit.concept IS NOT NULL
RETURN p.key AS paper, hit.relation AS relation, hit.kind AS kind, hit.concept AS concept, hit.detail AS detail
ORDER BY paper, relation, kind, concept, detail
