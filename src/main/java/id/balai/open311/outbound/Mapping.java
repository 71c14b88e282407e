package id.balai.open311.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Balai category forwarded to an endpoint under the other system's {@code serviceCode}. {@code attributeMap}
 * names the questions whose answers are sent, and under which code there (Balai's → theirs, the same code
 * written twice to keep it): answers are not public in Balai and may be personal, so only those the city
 * admin chose leave it.
 */
record Mapping(String categoryCode, long endpointId, String serviceCode, Map<String, String> attributeMap) {

    /** Their code for a question, or empty when its answers are not sent. */
    java.util.Optional<String> theirCode(String balaiCode) {
        return java.util.Optional.ofNullable(attributeMap.get(balaiCode));
    }

    /** "ours=theirs" lines, as the admin types and the table stores them; null when a line is not one. */
    static Map<String, String> parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) return map;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            if (eq < 1) return null;
            String ours = line.substring(0, eq).strip(), theirs = line.substring(eq + 1).strip();
            if (!ours.matches("[A-Za-z0-9_-]{1,40}") || !theirs.matches("[A-Za-z0-9_.:-]{1,80}")) return null;
            map.put(ours, theirs);
        }
        return map;
    }

    static String format(Map<String, String> map) {
        StringBuilder s = new StringBuilder();
        map.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString().strip();
    }
}
