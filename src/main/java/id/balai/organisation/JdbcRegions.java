package id.balai.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Regions and agencies from the database; kelurahan boundaries are held in memory for fast lookups. */
@Service
class JdbcRegions implements Regions {

    private record Boundary(Region region, Polygon polygon) {}

    private final JdbcClient jdbc;
    private volatile List<Boundary> boundaries = List.of();
    private volatile List<Agency> agencies = List.of();

    JdbcRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        refresh();
    }

    @Override
    public synchronized void refresh() {
        this.boundaries = jdbc.sql("select code, name, level, parent_code, slug, boundary from region where level = 'KELURAHAN' and boundary is not null order by code")
                .query((rs, i) -> new Boundary(mapRegion(rs), Polygon.fromWkt(rs.getString("boundary"))))
                .list();
        this.agencies = jdbc.sql("select id, code, short_name, name from agency order by short_name")
                .query((rs, i) -> new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("short_name"), rs.getString("name")))
                .list();
    }

    @Override
    public Optional<Region> kelurahanAt(GeoPoint point) {
        for (Boundary b : boundaries) {
            if (b.polygon().contains(point.lat(), point.lon())) return Optional.of(b.region());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Region> find(String code) {
        return jdbc.sql("select code, name, level, parent_code, slug from region where code = ?")
                .param(code).query((rs, i) -> mapRegion(rs)).optional();
    }

    @Override
    public List<Region> kelurahans() {
        return boundaries.stream().map(Boundary::region).toList();
    }

    @Override
    public Map<String, List<double[]>> kelurahanBoundaries() {
        Map<String, List<double[]>> result = new LinkedHashMap<>();
        boundaries.forEach(b -> result.put(b.region().code(), b.polygon().latLngs()));
        return result;
    }

    @Override
    public Optional<GeoPoint> centreOf(String kelurahanCode) {
        return boundaries.stream().filter(b -> b.region().code().equals(kelurahanCode)).findFirst().map(b -> {
            Polygon p = b.polygon();
            double lat = 0, lon = 0;
            int n = p.lats().length - 1; // the ring repeats its first point
            for (int i = 0; i < n; i++) {
                lat += p.lats()[i];
                lon += p.lons()[i];
            }
            return new GeoPoint(lat / n, lon / n);
        });
    }

    @Override
    public GeoPoint centre() {
        if (boundaries.isEmpty()) return new GeoPoint(-6.2, 106.8);
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (Boundary b : boundaries) {
            minLat = Math.min(minLat, b.polygon().minLat());
            maxLat = Math.max(maxLat, b.polygon().maxLat());
            minLon = Math.min(minLon, b.polygon().minLon());
            maxLon = Math.max(maxLon, b.polygon().maxLon());
        }
        return new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    @Override
    public List<Agency> agencies() {
        return agencies;
    }

    @Override
    public Optional<Agency> agency(long id) {
        return agencies.stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public Optional<Agency> agencyByCode(String code) {
        return agencies.stream().filter(a -> a.code().equalsIgnoreCase(code)).findFirst();
    }

    private static Region mapRegion(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Region(rs.getString("code"), rs.getString("name"), RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"), rs.getString("slug"));
    }
}
