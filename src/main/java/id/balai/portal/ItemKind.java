package id.balai.portal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of content a site holds. {@code segment} is the kind's path on a site ({@code /berita},
 * {@code /umkm} …); {@code fields} are the form fields the kind uses beyond title, slug and status.
 */
public enum ItemKind {
    PAGE("halaman", EnumSet.of(Field.SUMMARY, Field.BODY, Field.IMAGE)),
    NEWS("berita", EnumSet.of(Field.SUMMARY, Field.BODY, Field.CATEGORY, Field.TAGS, Field.IMAGE, Field.VIDEO)),
    OFFICIAL("pejabat", EnumSet.of(Field.CATEGORY, Field.BODY, Field.IMAGE, Field.DATES)),
    PROGRAMME("program", EnumSet.of(Field.SUMMARY, Field.BODY, Field.CATEGORY, Field.IMAGE)),
    EVENT("agenda", EnumSet.of(Field.SUMMARY, Field.BODY, Field.DATES, Field.PLACE, Field.GPS, Field.IMAGE)),
    DOCUMENT("dokumen", EnumSet.of(Field.SUMMARY, Field.CATEGORY, Field.FILE, Field.IMAGE)),
    FORM("formulir", EnumSet.of(Field.SUMMARY, Field.CATEGORY, Field.FILE)),
    SERVICE("layanan-publik", EnumSet.of(Field.SUMMARY, Field.CATEGORY, Field.PLACE, Field.CONTACT, Field.HOURS, Field.GPS, Field.BODY)),
    TOURISM("wisata", EnumSet.of(Field.SUMMARY, Field.BODY, Field.CATEGORY, Field.IMAGE, Field.PLACE, Field.CONTACT, Field.HOURS, Field.GPS)),
    UMKM("umkm", EnumSet.of(Field.SUMMARY, Field.BODY, Field.CATEGORY, Field.IMAGE, Field.PLACE, Field.CONTACT, Field.HOURS, Field.GPS));

    /** Optional parts of an item's form; the template shows the ones a kind has. */
    public enum Field { SUMMARY, BODY, CATEGORY, TAGS, IMAGE, VIDEO, DATES, PLACE, CONTACT, HOURS, GPS, FILE }

    /** The regular expression of every kind's segment, for request mappings. */
    static final String SEGMENTS = "halaman|berita|pejabat|program|agenda|dokumen|formulir|layanan-publik|wisata|umkm";

    private final String segment;
    private final Set<Field> fields;

    ItemKind(String segment, Set<Field> fields) {
        this.segment = segment;
        this.fields = fields;
    }

    public String segment() {
        return segment;
    }

    public boolean has(String field) {
        return fields.contains(Field.valueOf(field));
    }

    boolean has(Field field) {
        return fields.contains(field);
    }

    static ItemKind ofSegment(String segment) {
        for (ItemKind k : values()) if (k.segment.equals(segment)) return k;
        throw new IllegalArgumentException(segment);
    }
}
