// The date a paper is counted by (DESIGN.md "Time"), as two WITH clauses that keep `p`,
// the variables named in {{carry}}, `id_month` and `date`: the published day; else the
// month its arXiv id implies (2511.14403 -> 2025-11, hep-th/9901001 -> 1999-01), made a day
// by the digest's date when the digest falls in that month; else the digest's day. A date
// is 'YYYY-MM-DD' or, from an id alone, 'YYYY-MM'; null when the paper has none.
WITH {{carry}}p,
     CASE
       WHEN p.arxiv_id =~ '[0-9]{4}[.][0-9]{4,5}'
         THEN '20' + left(p.arxiv_id, 2) + '-' + right(left(p.arxiv_id, 4), 2)
       WHEN p.arxiv_id =~ '.+/[0-9]{7}'
         THEN (CASE WHEN left(right(p.arxiv_id, 7), 1) = '9' THEN '19' ELSE '20' END)
              + left(right(p.arxiv_id, 7), 2) + '-' + right(left(right(p.arxiv_id, 7), 4), 2)
     END AS id_month
WITH {{carry}}p, id_month,
     coalesce(left(p.published, 10),
              CASE WHEN left(p.digest_date, 7) = id_month THEN left(p.digest_date, 10) ELSE id_month END,
              left(p.digest_date, 10)) AS date
