// Each digest or feed, its family and date, and how many papers it listed.
MATCH (p:Paper)-[:LISTED_IN]->(s:Source)
RETURN s.name AS source, s.family AS family, coalesce(s.date, '') AS date, count(*) AS papers
ORDER BY source
