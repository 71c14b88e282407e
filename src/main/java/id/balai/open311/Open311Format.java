package id.balai.open311;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two formats of GeoReport v2, chosen by the path's suffix. */
enum Open311Format {
    XML("text/xml; charset=utf-8"), JSON("application/json");

    private final MediaType mediaType;

    Open311Format(String mediaType) {
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    /** The format a suffix names; an unknown one is refused with 400 (in XML). */
    static Open311Format of(String suffix) {
        return switch (suffix) {
            case "xml" -> XML;
            case "json" -> JSON;
            default -> throw new Open311Exception(XML, 400, "open311.error.format.unsupported", suffix);
        };
    }

    String mediaType() {
        return this == XML ? "text/xml" : "application/json";
    }

    ResponseEntity<byte[]> answer(Open311Document document) {
        return answer(200, document);
    }

    ResponseEntity<byte[]> answer(int status, Open311Document document) {
        return ResponseEntity.status(status).contentType(mediaType).body(render(document));
    }

    MediaType contentType() {
        return mediaType;
    }

    byte[] render(Open311Document document) {
        return this == XML ? document.xml() : document.json();
    }
}
