package id.balai.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A simple polygon (one outer ring) in lon/lat, read from WKT {@code POLYGON((lon lat, …))}. */
record Polygon(double[] lons, double[] lats, double minLat, double maxLat, double minLon, double maxLon) {

    private static final Pattern PAIR = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s+(-?\\d+(?:\\.\\d+)?)");

    static Polygon fromWkt(String wkt) {
        if (wkt == null || !wkt.trim().toUpperCase().startsWith("POLYGON")) {
            throw new IllegalArgumentException("not a WKT polygon");
        }
        List<double[]> points = new ArrayList<>();
        Matcher m = PAIR.matcher(wkt);
        while (m.find()) points.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        if (points.size() < 4) throw new IllegalArgumentException("a polygon needs at least 4 points");
        double[] lons = new double[points.size()];
        double[] lats = new double[points.size()];
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        for (int i = 0; i < points.size(); i++) {
            lons[i] = points.get(i)[0];
            lats[i] = points.get(i)[1];
            minLat = Math.min(minLat, lats[i]);
            maxLat = Math.max(maxLat, lats[i]);
            minLon = Math.min(minLon, lons[i]);
            maxLon = Math.max(maxLon, lons[i]);
        }
        return new Polygon(lons, lats, minLat, maxLat, minLon, maxLon);
    }

    /** Ray casting; a point exactly on a shared edge belongs to one of the two neighbours. */
    boolean contains(double lat, double lon) {
        if (lat < minLat || lat > maxLat || lon < minLon || lon > maxLon) return false;
        boolean inside = false;
        for (int i = 0, j = lons.length - 1; i < lons.length; j = i++) {
            if ((lats[i] > lat) != (lats[j] > lat)
                    && lon < (lons[j] - lons[i]) * (lat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Ring as [[lat, lon], …] for Leaflet. */
    List<double[]> latLngs() {
        List<double[]> ring = new ArrayList<>(lons.length);
        for (int i = 0; i < lons.length; i++) ring.add(new double[] {lats[i], lons[i]});
        return ring;
    }
}
