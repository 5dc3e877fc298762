// The concepts of a label the given papers link to, with the sentence each link was read from.
UNWIND $keys AS k
MATCH (p:Paper {key: k})-[r]->(c:{{label}})
RETURN p.key AS paper, c.key AS key, c.name AS name, r.evidence AS evidence
