-- pgbench: one citizen report row into report_copy (a copy of report: same columns, defaults, indexes
-- and unique keys, holding the bench's bulk rows). The same statement the app's Reports.insert sends.
\set cat random(:cat_min, :cat_max)
\set lat_milli random(-6995, -6945)
\set lon_milli random(110085, 110150)
insert into report_copy (tracking_code, submission_key, citizen_token, category_id, description, lat, lon, address,
    location_precise, kelurahan_code, status, anonymous, confidential, channel, submitted_at, updated_at, verify_due_at)
values ('P' || lpad(to_hex(nextval('pgbench_code')), 10, '0'), 'pgbench-' || lpad(currval('pgbench_code')::text, 14, '0'),
    md5(random()::text), :cat, 'Sampah menumpuk di pinggir jalan dekat pasar, sudah tiga hari belum diangkut.',
    :lat_milli / 1000.0, :lon_milli / 1000.0, null, true, :kel, 'RECEIVED', false, false, 'WEB', now(), now(), now() + interval '3 days');
