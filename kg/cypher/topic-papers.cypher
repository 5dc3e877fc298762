// Papers that link to any of the given concepts of a label.
UNWIND $concepts AS k
MATCH (c:{{label}} {key: k})<--(p:Paper)
RETURN DISTINCT p.key AS paper
