-- pgbench: the 50 most recent public reports from report_copy (1 row per report, no thumbnail).
select id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
    submitted_at, supporters, lat, lon
from report_copy where confidential = false and status in ('VERIFIED','ROUTED','IN_PROGRESS','RESOLVED','CLOSED','REOPENED')
order by submitted_at desc limit 50;
