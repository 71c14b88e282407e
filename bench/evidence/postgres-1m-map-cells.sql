-- PostgreSQL 15, 1,001,191 reports (900,000 public). Pre-aggregated map cells at the zoom-16 grid
-- (cell = 360 / 2^16 / 6 degrees; a zoom-z cell is 2^(16-z) of them, so grouping is exact).
-- Results on the bench machine (noisy, 2 cores):
--   report_map_cell2 (spatial only): 2,599 rows; city-wide zoom 13 = 73 cells in 3.0 ms
--     (the live query: 586-704 ms, parallel seq scan + external merge sort spilling ~65 MB)
--   with category and status as extra key columns: 132,398 rows; 132 ms unfiltered, 25 ms for one category

create table bench_map_cell2 as
select floor(lat / (360.0 / 65536 / 6))::int as cy, floor(lon / (360.0 / 65536 / 6))::int as cx,
       count(*) as n, sum(lat) as sum_lat, sum(lon) as sum_lon
from report where confidential = false and status in ('VERIFIED','ROUTED','IN_PROGRESS','RESOLVED','CLOSED','REOPENED')
group by 1, 2;
alter table bench_map_cell2 add primary key (cy, cx);
analyze bench_map_cell2;
select count(*) from bench_map_cell2;
explain (analyze, buffers)
select sum(n) as n, sum(sum_lat) / sum(n) as lat, sum(sum_lon) / sum(n) as lon
from bench_map_cell2
where cy between floor(-6.998249 / (360.0 / 65536 / 6)) and floor(-6.941430 / (360.0 / 65536 / 6))
  and cx between floor(110.080553 / (360.0 / 65536 / 6)) and floor(110.157793 / (360.0 / 65536 / 6))
group by floor(cy / 8.0), floor(cx / 8.0);

create table bench_map_cell as
select floor(lat / (360.0 / 65536 / 6))::int as cy, floor(lon / (360.0 / 65536 / 6))::int as cx, category_id, status,
       count(*) as n, sum(lat) as sum_lat, sum(lon) as sum_lon
from report where confidential = false and status in ('VERIFIED','ROUTED','IN_PROGRESS','RESOLVED','CLOSED','REOPENED')
group by 1, 2, 3, 4;
alter table bench_map_cell add primary key (cy, cx, category_id, status);
analyze bench_map_cell;
select count(*) from bench_map_cell;
explain (analyze, buffers)
select sum(n) as n, sum(sum_lat) / sum(n) as lat, sum(sum_lon) / sum(n) as lon, min(category_id), min(status)
from bench_map_cell
where cy between floor(-6.998249 / (360.0 / 65536 / 6)) and floor(-6.941430 / (360.0 / 65536 / 6))
  and cx between floor(110.080553 / (360.0 / 65536 / 6)) and floor(110.157793 / (360.0 / 65536 / 6))
group by floor(cy / 8.0), floor(cx / 8.0);
explain (analyze, buffers)
select sum(n) as n, sum(sum_lat) / sum(n) as lat, sum(sum_lon) / sum(n) as lon, min(category_id), min(status)
from bench_map_cell
where cy between floor(-6.998249 / (360.0 / 65536 / 6)) and floor(-6.941430 / (360.0 / 65536 / 6))
  and cx between floor(110.080553 / (360.0 / 65536 / 6)) and floor(110.157793 / (360.0 / 65536 / 6))
  and category_id = 2
group by floor(cy / 8.0), floor(cx / 8.0);
