// The papers of the given concepts of a label dated from $first to $last (see
// _paper-date), one row per concept and paper.
UNWIND $keys AS k
MATCH (c:{{label}} {key: k})<--(p:Paper)
WITH DISTINCT c, p
{{paper_date c}}
WHERE date >= $first AND date <= $last
RETURN c.key AS key, p.key AS paper, date
