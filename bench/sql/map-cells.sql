-- The app keeps report_map_cell in step with every publish change; bulk rows bypass the app, so count
-- them here, the way Reports.countOnMap would have (cell = 360 / 2^16 / 6 degrees).
delete from report_map_cell;
insert into report_map_cell (cy, cx, n, sum_lat, sum_lon)
select floor(lat / (360.0 / 65536 / 6)), floor(lon / (360.0 / 65536 / 6)), count(*), sum(lat), sum(lon)
from report where published = true
group by floor(lat / (360.0 / 65536 / 6)), floor(lon / (360.0 / 65536 / 6));
