// The papers of one concept (by label and key), each with its date (see _paper-date) and
// the sentence of its link; a paper linked twice (PROPOSES and USES) gives two rows.
MATCH (c:{{label}} {key: $key})<-[r]-(p:Paper)
{{paper_date r}}
RETURN p.key AS key, p.arxiv_id AS arxiv_id, p.title AS title, p.url AS url, date, r.evidence AS evidence
