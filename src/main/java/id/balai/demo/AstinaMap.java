package id.balai.demo;

import id.balai.organisation.Region;
import id.balai.organisation.RegionLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The places of Kota Astina: Kemendagri-style codes, Javanese names, and kelurahan boundaries cut
 * from one jittered 4x4 grid (about 8 km x 6 km around -6.97, 110.12). Neighbours share their corner
 * and edge points, so the kelurahan tile the city with no gap and no overlap. A fixed seed keeps the
 * map the same on every installation.
 */
final class AstinaMap {

    static final String KOTA_CODE = "33.77";
    static final double CENTRE_LAT = -6.97;
    static final double CENTRE_LON = 110.12;
    private static final double WIDTH_KM = 8;
    private static final double HEIGHT_KM = 6;
    private static final int CELLS = 4;
    private static final long SEED = 337_701L;

    /** Kecamatan by quadrant of the grid: north-west, north-east, south-east, south-west. */
    private static final String[] KECAMATAN = {"Astina Utara", "Astina Timur", "Astina Selatan", "Astina Barat"};
    private static final int[][] QUADRANT = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};

    /** Kelurahan of each kecamatan, in the order north-west, north-east, south-west, south-east of its quadrant. */
    private static final String[][] KELURAHAN = {
            {"Kauman", "Pandean", "Kebonagung", "Sukorejo"},
            {"Tegalsari", "Karangrejo", "Sidomulyo", "Banyuurip"},
            {"Jatisari", "Sendangmulyo", "Gedangan", "Tlogorejo"},
            {"Ngaliyan", "Kembangarum", "Purwosari", "Wonosari"}};

    /** RW and their RT numbers for the first kelurahan of three kecamatan (no boundaries: too fine for this map). */
    private static final Map<String, int[][]> NEIGHBOURHOODS = Map.of(
            "33.77.01.1001", new int[][] {{1, 1, 2, 3}, {2, 1, 2}, {3, 1, 2}},
            "33.77.02.1001", new int[][] {{1, 1, 2}, {2, 1, 2, 3}},
            "33.77.03.1001", new int[][] {{1, 1, 2}, {2, 1}});

    /** A kelurahan with its boundary ring as lon/lat pairs (first point repeated at the end). */
    record Kelurahan(String code, String name, String slug, String kecamatanName, List<double[]> ring) {

        String wkt() {
            StringBuilder s = new StringBuilder("POLYGON((");
            for (int i = 0; i < ring.size(); i++) {
                if (i > 0) s.append(", ");
                s.append(String.format(Locale.ROOT, "%.6f %.6f", ring.get(i)[0], ring.get(i)[1]));
            }
            return s.append("))").toString();
        }

        double minLat() { return ring.stream().mapToDouble(p -> p[1]).min().orElseThrow(); }
        double maxLat() { return ring.stream().mapToDouble(p -> p[1]).max().orElseThrow(); }
        double minLon() { return ring.stream().mapToDouble(p -> p[0]).min().orElseThrow(); }
        double maxLon() { return ring.stream().mapToDouble(p -> p[0]).max().orElseThrow(); }
    }

    /** A place to store, with its boundary (null but for kelurahan). */
    record Place(Region region, String wkt) {}

    private final List<Kelurahan> kelurahans = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();

    AstinaMap() {
        Grid grid = new Grid(new Random(SEED));
        places.add(new Place(new Region(KOTA_CODE, "Kota Astina", RegionLevel.KOTA, null, "kota-astina"), null));
        for (int k = 0; k < KECAMATAN.length; k++) {
            String kecamatanCode = KOTA_CODE + ".%02d".formatted(k + 1);
            places.add(new Place(new Region(kecamatanCode, KECAMATAN[k], RegionLevel.KECAMATAN, KOTA_CODE, slug(KECAMATAN[k])), null));
            for (int n = 0; n < 4; n++) {
                int row = QUADRANT[k][0] * 2 + n / 2;
                int col = QUADRANT[k][1] * 2 + n % 2;
                String name = KELURAHAN[k][n];
                Kelurahan kel = new Kelurahan(kecamatanCode + ".%d".formatted(1001 + n), name, slug(name), KECAMATAN[k], grid.cell(row, col));
                kelurahans.add(kel);
                places.add(new Place(new Region(kel.code(), name, RegionLevel.KELURAHAN, kecamatanCode, kel.slug()), kel.wkt()));
                addNeighbourhoods(kel);
            }
        }
    }

    List<Kelurahan> kelurahans() {
        return kelurahans;
    }

    /** Every place, parents before children. */
    List<Place> places() {
        return places;
    }

    Kelurahan kelurahan(String code) {
        return kelurahans.stream().filter(k -> k.code().equals(code)).findFirst().orElseThrow();
    }

    private void addNeighbourhoods(Kelurahan kel) {
        int[][] rws = NEIGHBOURHOODS.get(kel.code());
        if (rws == null) return;
        for (int[] rw : rws) {
            String rwCode = kel.code() + ".%03d".formatted(rw[0]);
            String rwName = "RW %03d".formatted(rw[0]);
            places.add(new Place(new Region(rwCode, rwName, RegionLevel.RW, kel.code(), kel.slug() + "-rw-%03d".formatted(rw[0])), null));
            for (int i = 1; i < rw.length; i++) {
                String rtCode = rwCode + ".%03d".formatted(rw[i]);
                places.add(new Place(new Region(rtCode, "RT %03d/RW %03d".formatted(rw[i], rw[0]), RegionLevel.RT, rwCode,
                        kel.slug() + "-rw-%03d-rt-%03d".formatted(rw[0], rw[i])), null));
            }
        }
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * Corner points on a (CELLS+1)² lattice and one extra point in the middle of every cell edge, each
     * moved at random by a fraction of a cell. Points are made once and looked up by position, which
     * is what makes neighbouring kelurahan share their borders exactly.
     */
    private static final class Grid {
        private final double north;
        private final double west;
        private final double cellLat;
        private final double cellLon;
        private final double[][][] corners = new double[CELLS + 1][CELLS + 1][];
        private final Map<String, double[]> edgeMiddles = new HashMap<>();
        private final Random random;

        Grid(Random random) {
            this.random = random;
            double heightDeg = HEIGHT_KM / 110.574;
            double widthDeg = WIDTH_KM / (111.320 * Math.cos(Math.toRadians(CENTRE_LAT)));
            north = CENTRE_LAT + heightDeg / 2;
            west = CENTRE_LON - widthDeg / 2;
            cellLat = heightDeg / CELLS;
            cellLon = widthDeg / CELLS;
            for (int r = 0; r <= CELLS; r++) {
                for (int c = 0; c <= CELLS; c++) {
                    corners[r][c] = new double[] {west + c * cellLon + jitter(0.2) * cellLon, north - r * cellLat + jitter(0.2) * cellLat};
                }
            }
        }

        /** The ring of cell (row, col), row 0 in the north: corner, edge middle, corner … clockwise. */
        List<double[]> cell(int row, int col) {
            double[] nw = corners[row][col];
            double[] ne = corners[row][col + 1];
            double[] se = corners[row + 1][col + 1];
            double[] sw = corners[row + 1][col];
            List<double[]> ring = List.of(nw, middle("h", row, col, nw, ne), ne, middle("v", row, col + 1, ne, se), se,
                    middle("h", row + 1, col, sw, se), sw, middle("v", row, col, nw, sw), nw);
            return ring;
        }

        /** The shared middle point of a horizontal ("h") or vertical ("v") edge, pushed sideways a little. */
        private double[] middle(String kind, int row, int col, double[] a, double[] b) {
            return edgeMiddles.computeIfAbsent(kind + row + "," + col, key -> {
                double lon = (a[0] + b[0]) / 2;
                double lat = (a[1] + b[1]) / 2;
                return kind.equals("h")
                        ? new double[] {lon + jitter(0.08) * cellLon, lat + jitter(0.12) * cellLat}
                        : new double[] {lon + jitter(0.12) * cellLon, lat + jitter(0.08) * cellLat};
            });
        }

        private double jitter(double fraction) {
            return (random.nextDouble() * 2 - 1) * fraction;
        }
    }
}
