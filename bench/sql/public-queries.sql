-- The public list and map queries exactly as Reports.publicList / Reports.publicMap send them
-- (src/main/java/id/balai/reports/domain/Reports.java), with the bench's values filled in.
-- ${explain} is "explain (analyze, buffers)" on PostgreSQL and "explain analyze" on H2.
select '== list page 1: /laporan';
${explain} select id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
    submitted_at, case when status in ('RECEIVED','VERIFIED') then verify_due_at
         when status in ('ROUTED','IN_PROGRESS','REOPENED') then followup_due_at
         when status = 'RESOLVED' then autoclose_due_at end as due_at, supporters, lat, lon, confidential, escalation_level,
    (select min(p.thumb_key) from report_photo p where p.report_id = report.id and p.kind = 'BEFORE' and p.hidden = false) as thumb_key
from report where published = true
order by published, submitted_at desc, id desc limit 21 offset 0;
select '== list by category: /laporan?kategori=${cat_id}';
${explain} select id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
    submitted_at, case when status in ('RECEIVED','VERIFIED') then verify_due_at
         when status in ('ROUTED','IN_PROGRESS','REOPENED') then followup_due_at
         when status = 'RESOLVED' then autoclose_due_at end as due_at, supporters, lat, lon, confidential, escalation_level,
    (select min(p.thumb_key) from report_photo p where p.report_id = report.id and p.kind = 'BEFORE' and p.hidden = false) as thumb_key
from report where published = true and category_id = ${cat_id}
order by published, category_id, submitted_at desc, id desc limit 21 offset 0;
select '== list by kelurahan: /laporan?kelurahan=${kel_code}';
${explain} select id, tracking_code, category_id, status, coalesce(public_description, description) as text, kelurahan_code, agency_id,
    submitted_at, case when status in ('RECEIVED','VERIFIED') then verify_due_at
         when status in ('ROUTED','IN_PROGRESS','REOPENED') then followup_due_at
         when status = 'RESOLVED' then autoclose_due_at end as due_at, supporters, lat, lon, confidential, escalation_level,
    (select min(p.thumb_key) from report_photo p where p.report_id = report.id and p.kind = 'BEFORE' and p.hidden = false) as thumb_key
from report where published = true and kelurahan_code = '${kel_code}'
order by published, kelurahan_code, submitted_at desc, id desc limit 21 offset 0;
select '== map, city-wide, zoom 13: /laporan/peta.json?bbox=${city_bbox}&zoom=13';
${explain} select count(*) as n, avg(lat) as lat, avg(lon) as lon,
       min(tracking_code) as code, min(category_id) as category, min(status) as status
from report where published = true
    and lat between ${city_s} and ${city_n} and lon between ${city_w} and ${city_e}
group by floor(lat / ${cell13}), floor(lon / ${cell13}) limit 2000;
select '== map, street level, zoom 17: /laporan/peta.json?bbox=${street_bbox}&zoom=17';
${explain} select count(*) as n, avg(lat) as lat, avg(lon) as lon,
       min(tracking_code) as code, min(category_id) as category, min(status) as status
from report where published = true
    and lat between ${street_s} and ${street_n} and lon between ${street_w} and ${street_e}
group by floor(lat / 1e-7), floor(lon / 1e-7) limit 2000;
