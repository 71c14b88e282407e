-- pgbench: the 50 most recent public reports from report_copy (1 row per report, no thumbnail), with the
-- WHERE and ORDER BY of Reports.publicList.
select id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
    submitted_at, supporters, lat, lon
from report_copy where published = true
order by published, submitted_at desc, id desc limit 50;
