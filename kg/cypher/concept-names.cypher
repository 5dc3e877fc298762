// The names of concepts of a label, by key.
UNWIND $keys AS k
MATCH (c:{{label}} {key: k})
RETURN c.key AS key, c.name AS name
