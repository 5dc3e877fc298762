// Papers whose date (see _paper-date) lies from $first to $last, compared as strings: a
// month-only date '2025-11' sorts before every day of its month.
MATCH (p:Paper)
{{paper_date}}
WHERE date >= $first AND date <= $last
RETURN p.key AS key, p.arxiv_id AS arxiv_id, p.title AS title, p.url AS url, date
