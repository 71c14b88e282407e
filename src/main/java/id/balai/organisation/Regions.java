package id.balai.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public face of the organisation module: places, boundaries and agencies. */
public interface Regions {

    /** The kelurahan whose boundary holds the point; empty when the point is outside the city. */
    Optional<Region> kelurahanAt(GeoPoint point);

    Optional<Region> find(String code);

    List<Region> kelurahans();

    /** Kelurahan boundaries as [[lat, lon], …] rings, keyed by kelurahan code, for maps. */
    Map<String, List<double[]>> kelurahanBoundaries();

    /** A point inside a kelurahan, used when a citizen picks the kelurahan instead of a map point. */
    Optional<GeoPoint> centreOf(String kelurahanCode);

    /** The city's centre, for maps. */
    GeoPoint centre();

    List<Agency> agencies();

    Optional<Agency> agency(long id);

    Optional<Agency> agencyByCode(String code);

    /** Reloads boundaries after they changed (import, demo seeding). */
    void refresh();
}
