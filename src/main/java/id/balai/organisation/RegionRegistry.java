package id.balai.organisation;

/**
 * Writing places and agencies: used to seed the demo city and, later, to import a city's real kode
 * wilayah and OPD list. Readers keep using {@link Regions}; after a batch of changes call
 * {@link #refresh()} so that point lookups see the new boundaries and agencies.
 */
public interface RegionRegistry {

    /**
     * Adds a place. {@code wktBoundary} is a WKT {@code POLYGON((lon lat, …))} whose first point is
     * repeated at the end, or null (only kelurahan boundaries are used for point lookups).
     *
     * @throws IllegalArgumentException when the region or the boundary is malformed
     */
    void addRegion(Region region, String wktBoundary);

    /** Adds an OPD and answers it with its new id. */
    Agency addAgency(String code, String shortName, String name);

    /** Whether any place is stored: an installation without one has not been set up yet. */
    boolean hasRegions();

    /** Makes {@link Regions} read what was added (inside the caller's transaction, if any). */
    void refresh();
}
