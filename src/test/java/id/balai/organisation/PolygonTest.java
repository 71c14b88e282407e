package id.balai.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolygonTest {

    /** A square kelurahan: lon 110.40–110.45, lat -7.00 to -6.95. */
    private final Polygon square = Polygon.fromWkt(
            "POLYGON((110.40 -7.00, 110.45 -7.00, 110.45 -6.95, 110.40 -6.95, 110.40 -7.00))");

    /**
     * A U-shaped (concave) kelurahan, open to the north: two arms lon 110.40–110.42 and 110.48–110.50
     * joined by a base at lat -7.00 to -6.98; the notch between the arms is outside.
     */
    private final Polygon horseshoe = Polygon.fromWkt("""
            POLYGON ((110.40 -7.00, 110.50 -7.00, 110.50 -6.90, 110.48 -6.90, 110.48 -6.98,
                      110.42 -6.98, 110.42 -6.90, 110.40 -6.90, 110.40 -7.00))""");

    @Test
    void aPointInsideIsContained() {
        assertThat(square.contains(-6.975, 110.425)).isTrue();
        assertThat(square.contains(-6.999, 110.401)).isTrue();
    }

    @Test
    void aPointOutsideIsNot() {
        assertThat(square.contains(-7.01, 110.425)).as("south").isFalse();
        assertThat(square.contains(-6.94, 110.425)).as("north").isFalse();
        assertThat(square.contains(-6.975, 110.39)).as("west").isFalse();
        assertThat(square.contains(-6.975, 110.46)).as("east").isFalse();
        assertThat(square.contains(6.975, -110.425)).as("the other side of the world").isFalse();
    }

    @Test
    void theBoundingBoxIsReadFromThePoints() {
        assertThat(square.minLat()).isEqualTo(-7.00);
        assertThat(square.maxLat()).isEqualTo(-6.95);
        assertThat(square.minLon()).isEqualTo(110.40);
        assertThat(square.maxLon()).isEqualTo(110.45);
        assertThat(horseshoe.minLat()).isEqualTo(-7.00);
        assertThat(horseshoe.maxLat()).isEqualTo(-6.90);
        assertThat(horseshoe.minLon()).isEqualTo(110.40);
        assertThat(horseshoe.maxLon()).isEqualTo(110.50);
    }

    @Test
    void aPointInTheNotchOfAConcavePolygonIsOutsideThoughInsideItsBoundingBox() {
        double lat = -6.95, lon = 110.45;
        assertThat(lat).isBetween(horseshoe.minLat(), horseshoe.maxLat());
        assertThat(lon).isBetween(horseshoe.minLon(), horseshoe.maxLon());

        assertThat(horseshoe.contains(lat, lon)).isFalse();
    }

    @Test
    void pointsInEachPartOfAConcavePolygonAreInside() {
        assertThat(horseshoe.contains(-6.95, 110.41)).as("west arm").isTrue();
        assertThat(horseshoe.contains(-6.95, 110.49)).as("east arm").isTrue();
        assertThat(horseshoe.contains(-6.99, 110.45)).as("base, below the notch").isTrue();
        assertThat(horseshoe.contains(-6.91, 110.45)).as("top of the notch").isFalse();
    }

    @Test
    void aPointOnTheEdgeSharedByTwoNeighboursBelongsToExactlyOne() {
        Polygon east = Polygon.fromWkt("POLYGON((110.45 -7.00, 110.50 -7.00, 110.50 -6.95, 110.45 -6.95, 110.45 -7.00))");
        for (double lat : new double[] {-6.99, -6.975, -6.951}) {
            assertThat(square.contains(lat, 110.45) ^ east.contains(lat, 110.45)).as("lat %s", lat).isTrue();
        }
    }

    @Test
    void wktIsReadWhateverItsCaseAndSpacing() {
        Polygon p = Polygon.fromWkt("  polygon (( 110.4 -7 ,110.45 -7,110.45   -6.95, 110.4 -6.95,110.4 -7 ))");

        assertThat(p.contains(-6.975, 110.425)).isTrue();
        assertThat(p.lons()).containsExactly(110.4, 110.45, 110.45, 110.4, 110.4);
        assertThat(p.lats()).containsExactly(-7.0, -7.0, -6.95, -6.95, -7.0);
    }

    @Test
    void theRingIsGivenAsLatLonPairsForLeaflet() {
        assertThat(square.latLngs()).hasSize(5);
        assertThat(square.latLngs().get(1)).containsExactly(-7.00, 110.45);
    }

    @Test
    void somethingElseThanAPolygonIsRefused() {
        assertThatThrownBy(() -> Polygon.fromWkt(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Polygon.fromWkt("POINT(110.4 -7)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Polygon.fromWkt("POLYGON((110.4 -7, 110.5 -7, 110.4 -7))"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
    }
}
