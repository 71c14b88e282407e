package id.balai.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

@Service
class JdbcRegionRegistry implements RegionRegistry {

    private final JdbcClient jdbc;
    private final Regions regions;

    JdbcRegionRegistry(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @Override
    public void addRegion(Region region, String wktBoundary) {
        if (region.code() == null || region.code().isBlank() || region.name() == null || region.name().isBlank()
                || region.level() == null) {
            throw new IllegalArgumentException("a region needs a code, a name and a level");
        }
        if (region.level() != RegionLevel.KOTA && (region.parentCode() == null || !region.code().startsWith(region.parentCode() + "."))) {
            // Kemendagri codes nest: a child's code extends its parent's, which keeps lookups by prefix valid.
            throw new IllegalArgumentException("region " + region.code() + " must extend its parent's code");
        }
        if (wktBoundary != null) checkRing(Polygon.fromWkt(wktBoundary), region.code());
        jdbc.sql("insert into region (code, name, level, parent_code, slug, boundary) values (?, ?, ?, ?, ?, ?)")
                .params(region.code(), region.name(), region.level().name(), region.parentCode(), region.slug(), wktBoundary)
                .update();
    }

    @Override
    public Agency addAgency(String code, String shortName, String name) {
        if (code == null || code.isBlank() || shortName == null || shortName.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an agency needs a code, a short name and a name");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into agency (code, short_name, name) values (?, ?, ?)").params(code, shortName, name).update(keys, "id");
        return new Agency(keys.getKeyAs(Number.class).longValue(), code, shortName, name);
    }

    @Override
    public boolean hasRegions() {
        return jdbc.sql("select count(*) from region").query(Long.class).single() > 0;
    }

    @Override
    public void refresh() {
        regions.refresh();
    }

    /** An open ring would make ray casting count edges wrongly, so it is refused here rather than mis-locating reports later. */
    private static void checkRing(Polygon p, String code) {
        int last = p.lons().length - 1;
        if (p.lons()[0] != p.lons()[last] || p.lats()[0] != p.lats()[last]) {
            throw new IllegalArgumentException("boundary of " + code + " must repeat its first point at the end");
        }
    }
}
