// Per concept of a label: the date of its first paper, its links from papers in the window
// ($since <= date < $after) and in the previous window ($previous <= date < $since), dates
// compared as strings (see _paper-date; with $days, a month-only date is in no window).
// Each paper is dated and placed (w: 2 in the window, 1 in the previous one) once, then
// joined to its concepts. A paper that links to a concept twice is counted twice here (a
// DISTINCT would double the time on a large store): concept-double-links finds those.
// Only the concepts a list can show come back one by one, those with at least $floor
// links in the window, or $min_papers before it, or first seen in it; the rest come back as
// one row with a null key, which still counts them (`concepts`: how many have papers in
// the window).
MATCH (p:Paper)
{{paper_date}}
WHERE date IS NOT NULL
WITH p, date,
     CASE WHEN $days AND size(date) <> 10 THEN 0
          WHEN date >= $since AND date < $after THEN 2
          WHEN date >= $previous AND date < $since THEN 1
          ELSE 0 END AS w
MATCH (p)-->(c:{{label}})
WITH c.key AS key, min(date) AS first, count(CASE WHEN w = 2 THEN 1 END) AS now,
     count(CASE WHEN w = 1 THEN 1 END) AS before
WITH CASE WHEN now >= $floor OR before >= $min_papers OR (now > 0 AND first >= $since) THEN key END AS key,
     first, now, before
RETURN key, min(first) AS first, sum(now) AS now, sum(before) AS before,
       count(CASE WHEN now > 0 THEN 1 END) AS concepts
