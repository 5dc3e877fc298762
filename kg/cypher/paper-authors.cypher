// The authors of the given papers.
UNWIND $keys AS k
MATCH (a:Author)-[:WROTE]->(p:Paper {key: k})
RETURN p.key AS paper, a.key AS key, a.name AS name
