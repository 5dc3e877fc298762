// Which of the given papers have a title or abstract that matches $pattern (a whole-string
// regular expression, as both stores read =~).
UNWIND $keys AS k
MATCH (p:Paper {key: k})
WHERE p.title =~ $pattern OR p.abstract =~ $pattern
RETURN p.key AS paper
