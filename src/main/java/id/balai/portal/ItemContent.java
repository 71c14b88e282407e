package id.balai.portal;

import java.time.Instant;

/**
 * What editors type about an item: everything a version keeps and a restore brings back. {@code status} is
 * DRAFT or PUBLISHED; a published item is shown from {@code publishAt} on (scheduled publishing).
 * {@code body} is Markdown, rendered and cleaned only when shown ({@link Markdown}).
 */
record ItemContent(String title, String slug, String summary, String body, String category, String tags, String status,
        Instant publishAt, Instant startsAt, Instant endsAt, String place, String phone, String whatsapp, String website,
        String openingHours, String videoUrl, Double lat, Double lon, Long imageId, String fileKey, String fileName,
        Long fileBytes, int sortOrder) {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }

    public boolean hasPoint() {
        return lat != null && lon != null;
    }

    public java.util.List<String> tagList() {
        return java.util.Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** A wa.me link for the WhatsApp number, or null. */
    public String whatsappLink() {
        return whatsapp.isEmpty() ? null : "https://wa.me/" + whatsapp;
    }

    ItemContent withFile(String key, String name, long bytes) {
        return new ItemContent(title, slug, summary, body, category, tags, status, publishAt, startsAt, endsAt, place, phone,
                whatsapp, website, openingHours, videoUrl, lat, lon, imageId, key, name, bytes, sortOrder);
    }

    ItemContent withImage(Long id) {
        return new ItemContent(title, slug, summary, body, category, tags, status, publishAt, startsAt, endsAt, place, phone,
                whatsapp, website, openingHours, videoUrl, lat, lon, id, fileKey, fileName, fileBytes, sortOrder);
    }

    ItemContent withPoint(Double newLat, Double newLon) {
        return new ItemContent(title, slug, summary, body, category, tags, status, publishAt, startsAt, endsAt, place, phone,
                whatsapp, website, openingHours, videoUrl, newLat, newLon, imageId, fileKey, fileName, fileBytes, sortOrder);
    }

    ItemContent withStatus(String newStatus, Instant newPublishAt) {
        return new ItemContent(title, slug, summary, body, category, tags, newStatus, newPublishAt, startsAt, endsAt, place,
                phone, whatsapp, website, openingHours, videoUrl, lat, lon, imageId, fileKey, fileName, fileBytes, sortOrder);
    }
}
