package id.balai.portal;

/** Whose site: the city's own, a kelurahan's or an OPD's. {@code segment} starts the path of the latter two. */
public enum SiteKind {
    CITY(""), KELURAHAN("kelurahan"), OPD("opd");

    private final String segment;

    SiteKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    static SiteKind ofSegment(String segment) {
        for (SiteKind k : values()) if (k != CITY && k.segment.equals(segment)) return k;
        throw new IllegalArgumentException(segment);
    }
}
