// Papers per date (see _paper-date), and which fields the date came from.
MATCH (p:Paper)
{{paper_date}}
RETURN date, p.published IS NOT NULL AS published, id_month IS NOT NULL AS from_id, count(*) AS papers
