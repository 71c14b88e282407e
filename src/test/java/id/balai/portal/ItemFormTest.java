package id.balai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.platform.FieldProblem;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What editors type is read as people write it in Indonesia, and anything unreadable is named by its field. */
class ItemFormTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void whatsappNumbersAreReadAsPeopleWriteThem() {
        assertThat(ItemForm.whatsapp("0812-3456-7890")).isEqualTo("6281234567890");
        assertThat(ItemForm.whatsapp("+62 812 3456 7890")).isEqualTo("6281234567890");
        assertThat(ItemForm.whatsapp("(0271) 555 0100")).isEqualTo("622715550100");
        assertThat(ItemForm.whatsapp("")).isEmpty();
        assertThat(ItemForm.whatsapp("hubungi kami")).isNull();
    }

    @Test
    void aSlugIsMadeFromTheTitle() {
        assertThat(ItemForm.slugOf("Kopi Bu Sari, Jl. Melati")).isEqualTo("kopi-bu-sari-jl-melati");
        assertThat(ItemForm.slugOf("Café Ümran — 24 jam!")).isEqualTo("cafe-umran-24-jam");
    }

    @Test
    void coordinatesWithADecimalCommaAreReadAndHalfAPointIsNamed() {
        ItemForm.Read read = ItemForm.read(ItemKind.UMKM, Map.of("title", "Warung", "lat", "-7,5612", "lon", "110,8123"), null, JAKARTA);
        assertThat(read.problems()).isEmpty();
        assertThat(read.content().lat()).isEqualTo(-7.5612);
        assertThat(ItemForm.read(ItemKind.UMKM, Map.of("title", "Warung", "lat", "-7.5"), null, JAKARTA).problems())
                .extracting(FieldProblem::field).containsExactly("lat");
        assertThat(ItemForm.read(ItemKind.UMKM, Map.of("title", "Warung", "lat", "95", "lon", "NaN"), null, JAKARTA).problems())
                .extracting(FieldProblem::messageKey).containsOnly("item.error.coordinate");
    }

    @Test
    void anEventNeedsAStartAndCannotEndBeforeIt() {
        assertThat(ItemForm.read(ItemKind.EVENT, Map.of("title", "Rapat"), null, JAKARTA).problems())
                .extracting(FieldProblem::messageKey).containsExactly("item.error.starts-required");
        assertThat(ItemForm.read(ItemKind.EVENT, Map.of("title", "Rapat", "startsAt", "2026-12-01T10:00", "endsAt", "2026-12-01T09:00"), null, JAKARTA)
                .problems()).extracting(FieldProblem::messageKey).containsExactly("item.error.ends-before");
        ItemForm.Read read = ItemForm.read(ItemKind.EVENT, Map.of("title", "Rapat", "startsAt", "2026-12-01T10:00"), null, JAKARTA);
        assertThat(read.content().startsAt()).hasToString("2026-12-01T03:00:00Z");
        assertThat(ItemForm.of(read.content(), JAKARTA)).containsEntry("startsAt", "2026-12-01T10:00");
    }
}
