// The digests and feeds that listed the given papers.
UNWIND $keys AS k
MATCH (p:Paper {key: k})-[:LISTED_IN]->(s:Source)
RETURN p.key AS paper, s.key AS source, s.name AS name, s.family AS family
