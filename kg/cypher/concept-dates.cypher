// Papers per concept of a label per date, cut to its first $width characters (7: the
// month, 10: the day). A paper that links to a concept twice (PROPOSES and USES) counts once.
MATCH (p:Paper)-->(c:{{label}})
WITH DISTINCT c, p
{{paper_date c}}
WHERE date IS NOT NULL
RETURN c.key AS key, left(date, $width) AS date, count(*) AS papers
