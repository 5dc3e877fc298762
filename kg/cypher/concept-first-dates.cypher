// The date of the first paper (see _paper-date) of each given concept of a label.
UNWIND $keys AS k
MATCH (c:{{label}} {key: k})<--(p:Paper)
{{paper_date c}}
WHERE date IS NOT NULL
RETURN c.key AS key, min(date) AS first
