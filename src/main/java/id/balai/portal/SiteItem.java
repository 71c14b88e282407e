package id.balai.portal;

import java.time.Instant;

/** A stored item: its content and what the system keeps about it. */
record SiteItem(long id, long siteId, ItemKind kind, int version, Instant updatedAt, Long updatedBy, long downloads,
        ItemContent content) {

    /** Shown to the public at {@code now}: published and its publication time reached. */
    public boolean visibleAt(Instant now) {
        return content.published() && (content.publishAt() == null || !content.publishAt().isAfter(now));
    }

    /** Its public path on a site with this base. */
    public String path(String base) {
        return base + "/" + kind.segment() + "/" + content.slug();
    }
}
