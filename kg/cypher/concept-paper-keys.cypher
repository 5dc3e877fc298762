// The papers of the given concepts of a label, one row per concept and paper.
UNWIND $keys AS k
MATCH (c:{{label}} {key: k})<--(p:Paper)
RETURN DISTINCT c.key AS key, p.key AS paper
