package id.balai.open311.outbound;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Balai category forwarded to an endpoint under the other system's {@code serviceCode}. {@code attributeMap}
 * renames question codes (Balai's → theirs); a code not in it is sent as it is.
 */
record Mapping(String categoryCode, long endpointId, String serviceCode, Map<String, String> attributeMap) {

    String theirCode(String balaiCode) {
        return attributeMap.getOrDefault(balaiCode, balaiCode);
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
