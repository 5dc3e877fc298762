// Links per date, cut to its first $width characters (7: the month, 10: the day), from
// papers dated from $previous to before $after (see _paper-date) to the given concepts of a
// label; a paper linked twice counts twice, as in concept-windows.
UNWIND $keys AS k
MATCH (c:{{label}} {key: k})<--(p:Paper)
{{paper_date c}}
WHERE date >= $previous AND date < $after
RETURN c.key AS key, left(date, $width) AS date, count(*) AS papers
