-- Bulk-loads reports ${lo}..${hi} (PostgreSQL). Run by bench/run through BenchTool, which replaces ${name}.
-- Realistic rows: kelurahan (round robin over the city's kelurahan, point near its centre), category
-- ids from the seeded catalogue, statuses mostly public, 2 % confidential, submitted over the last
-- year in id order (as real inserts arrive), 40 % with a citizen photo (the list's thumbnail);
-- published = not confidential and a public status, as Report.isPublic() keeps it. As if the SLA job had
-- always run: overdue reports carry their escalation level, resolved ones past their window are closed.
-- bench_kel (idx, code, lat, lon, dlat, dlon) was filled from /wilayah/kelurahan.json.
insert into report (tracking_code, submission_key, citizen_token, category_id, description, public_description,
    lat, lon, address, location_precise, kelurahan_code, agency_id, status, anonymous, confidential, published, channel,
    submitted_at, updated_at, routed_at, verify_due_at, followup_due_at, resolved_at, autoclose_due_at, closed_at,
    escalation_level, supporters, version)
select '0' || substr(lpad(s.g::text, 7, '0'), 1, 3) || '-' || substr(lpad(s.g::text, 7, '0'), 4, 4),
       'bulk-' || lpad(s.g::text, 12, '0'),
       'bulktoken' || lpad(s.g::text, 12, '0'),
       ${cat_min} + mod(s.g * 31, ${cat_count}),
       'Laporan warga nomor ' || s.g || ': ' || case mod(s.g, 4)
            when 0 then 'sampah menumpuk di pinggir jalan, sudah tiga hari belum diangkut petugas kebersihan.'
            when 1 then 'jalan berlubang cukup dalam, berbahaya untuk pengendara motor terutama di malam hari.'
            when 2 then 'lampu jalan mati sejak minggu lalu, warga khawatir dengan keamanan lingkungan.'
            else 'saluran air tersumbat sampah, air meluap ke jalan setiap kali hujan deras turun.' end,
       null,
       k.lat + (random() * 2 - 1) * k.dlat,
       k.lon + (random() * 2 - 1) * k.dlon,
       'Jl. Contoh No. ' || mod(s.g, 200),
       true,
       k.code,
       case when s.st in ('ROUTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED') then ${agency_min} + mod(s.g, ${agency_count}) end,
       s.st,
       false,
       mod(s.g * 13, 100) < 2,
       mod(s.g * 13, 100) >= 2 and s.st in ('VERIFIED', 'ROUTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED'),
       'WEB',
       s.t,
       s.t + interval '1 day',
       case when s.st in ('ROUTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED') then s.t + interval '1 day' end,
       s.t + interval '3 days',
       case when s.st in ('ROUTED', 'IN_PROGRESS', 'REOPENED') then s.t + interval '8 days' end,
       case when s.st in ('RESOLVED', 'CLOSED') then s.t + interval '6 days' end,
       case when s.st = 'RESOLVED' then s.t + interval '16 days' end,
       case when s.st = 'CLOSED' then s.t + interval '16 days' end,
       case when (case when s.st in ('RECEIVED', 'VERIFIED') then s.t + interval '3 days' when s.st in ('ROUTED', 'IN_PROGRESS', 'REOPENED') then s.t + interval '8 days' end) < now() - interval '2 days' then 2 when (case when s.st in ('RECEIVED', 'VERIFIED') then s.t + interval '3 days' when s.st in ('ROUTED', 'IN_PROGRESS', 'REOPENED') then s.t + interval '8 days' end) < now() then 1 else 0 end,
       case when mod(s.g, 10) = 0 then mod(s.g, 37) else 0 end,
       0
from (select g, t, case when st = 'RESOLVED' and t + interval '16 days' < now() then 'CLOSED' else st end as st from (select g,
             now() - make_interval(secs => (${rows} - g) * (31536000.0 / ${rows}) + 60 + random() * 600) as t,
             case when mod(g * 7919, 100) < 5 then 'RECEIVED'
                  when mod(g * 7919, 100) < 10 then 'VERIFIED'
                  when mod(g * 7919, 100) < 14 then 'REJECTED'
                  when mod(g * 7919, 100) < 29 then 'ROUTED'
                  when mod(g * 7919, 100) < 44 then 'IN_PROGRESS'
                  when mod(g * 7919, 100) < 54 then 'RESOLVED'
                  when mod(g * 7919, 100) < 99 then 'CLOSED'
                  else 'REOPENED' end as st
      from generate_series(${lo}::bigint, ${hi}::bigint) g) raw) s
join bench_kel k on k.idx = mod(s.g, ${kel_count});

insert into report_photo (report_id, kind, storage_key, thumb_key, width, height, hidden, created_at)
select id, 'BEFORE', 'reports/2026/01/bulk-' || id || '.jpg', 'reports/2026/01/bulk-' || id || '-t.jpg', 1600, 1200, false, submitted_at
from report
where submission_key between 'bulk-' || lpad('${lo}', 12, '0') and 'bulk-' || lpad('${hi}', 12, '0') and mod(id, 5) < 2;
