package id.balai.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.support.CityAdminOnly;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The city admin imports a year of the APBD; the public reads it as tables and an SVG chart, without JavaScript. */
@SpringBootTest
@AutoConfigureMockMvc
class BudgetWebTest {

    /** As a spreadsheet in Indonesian saves it: semicolons, rupiah with dots and a decimal comma, a quoted name. */
    static final String GOOD = """
            tahun;jenis;opd;program;kegiatan;anggaran;realisasi
            2031;pendapatan;Badan Pendapatan Daerah;Pajak daerah;Pajak hotel;1.500.000.000;750.000.000
            2031;belanja;Dinas Pekerjaan Umum;Jalan;Perbaikan jalan;2.000.000.000;1.000.000.000,50
            2031;belanja;"Dinas Lingkungan Hidup; Kebersihan";Sampah;Pengangkutan;500.000.000;
            2031;belanja;Dinas Pekerjaan Umum;Drainase;Normalisasi saluran;Rp 1.000.000.000;250.000.000
            """;

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;
    @Autowired AdminAudit audit;

    StaffPrincipal admin;

    @BeforeEach
    void signIn() {
        admin = staff.byUsername("admin").orElseThrow();
    }

    @Test
    void anImportedYearIsReadAsTotalsATableAndAChartAndItsSourceCanBeDownloaded() throws Exception {
        perform(upload(GOOD.getBytes(StandardCharsets.UTF_8), "apbd-2031.csv"), 302);
        assertThat(audit.latest(3)).extracting(AdminAudit.Entry::action).contains("budget.imported");
        String page = perform(get("/apbd").param("tahun", "2031"), 200).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Ringkasan APBD 2031", "Rp 3.500.000.000", "Rp 1.250.000.001", "Rp 1.500.000.000", "36 %")
                .contains("Dinas Lingkungan Hidup; Kebersihan", "<svg", "<rect").doesNotContain("<script");
        // the biggest agency comes first and its planned bar is the longest
        assertThat(page.indexOf("Dinas Pekerjaan Umum")).isLessThan(page.indexOf("Dinas Lingkungan Hidup; Kebersihan"));
        // each OPD opens to its programmes and activities
        assertThat(page).contains("/apbd/2031/rincian?jenis=belanja&amp;opd=Dinas%20Pekerjaan%20Umum", "Pendapatan per OPD");
        String detail = perform(get("/apbd/2031/rincian").param("jenis", "belanja").param("opd", "Dinas Pekerjaan Umum"), 200)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("<h2>Jalan</h2>", "Perbaikan jalan", "<h2>Drainase</h2>", "Normalisasi saluran", "Rp 3.000.000.000", "25 %");
        assertThat(detail.indexOf("<h2>Jalan</h2>")).as("the larger programme first").isLessThan(detail.indexOf("<h2>Drainase</h2>"));
        perform(get("/apbd/2031/rincian").param("jenis", "belanja").param("opd", "Dinas Tidak Ada"), 404);
        perform(get("/apbd/2031/rincian").param("jenis", "pembiayaan").param("opd", "Dinas Pekerjaan Umum"), 404);
        assertThat(perform(get("/apbd/2031/rincian").param("jenis", "pendapatan").param("opd", "Badan Pendapatan Daerah"), 200)
                .getContentAsString(StandardCharsets.UTF_8)).contains("Pajak hotel", "50 %");
        MockHttpServletResponse source = perform(get("/apbd/2031/sumber.csv"), 200);
        assertThat(source.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(GOOD);
        assertThat(source.getHeader("Content-Disposition")).contains("apbd-2031.csv");

        // importing the year again replaces it
        String smaller = "tahun,jenis,opd,program,kegiatan,anggaran,realisasi\n2031,belanja,Dinas Kesehatan,Puskesmas,Obat,100000000,0\n";
        perform(upload(smaller.getBytes(StandardCharsets.UTF_8), "apbd-2031-perubahan.csv"), 302);
        assertThat(jdbc.sql("select count(*) from budget_line where budget_year = 2031").query(Long.class).single()).isOne();
        assertThat(perform(get("/apbd").param("tahun", "2031"), 200).getContentAsString(StandardCharsets.UTF_8))
                .contains("Dinas Kesehatan").doesNotContain("Dinas Pekerjaan Umum");
    }

    @Test
    void everyErrorIsShownWithItsLineAndColumnAndNothingIsImported() throws Exception {
        perform(upload(GOOD.replace("2031", "2032").getBytes(StandardCharsets.UTF_8), "apbd-2032.csv"), 302);
        long before = jdbc.sql("select count(*) from budget_line").query(Long.class).single();
        String bad = """
                tahun,jenis,opd,program,kegiatan,anggaran,realisasi
                2032,belanja,Dinas A,P,K,1000,0
                2032,hibah,Dinas B,P,K,banyak,0
                2033,belanja,,P,K,1000,0
                """;
        String page = perform(upload(bad.getBytes(StandardCharsets.UTF_8), "rusak.csv"), 422).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("tidak ada yang diimpor", "Jenis &#39;hibah&#39; tidak dikenal", "&#39;banyak&#39; bukan jumlah rupiah",
                "berbeda dari baris pertama", "Wajib diisi");
        assertThat(page).contains("<td>3</td>", "<td>anggaran</td>", "<td>4</td>", "<td>opd</td>");
        assertThat(jdbc.sql("select count(*) from budget_line").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from budget_line where budget_year = 2032").query(Long.class).single()).isEqualTo(4L);

        String header = perform(upload("tahun,opd\n2032,Dinas A\n".getBytes(StandardCharsets.UTF_8), "x.csv"), 422).getContentAsString(StandardCharsets.UTF_8);
        assertThat(header).contains("Kolom jenis tidak ada", "Kolom anggaran tidak ada");
        perform(upload(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff}, "gambar.csv"), 422);
        perform(multipart("/admin/apbd").with(user(admin)).with(csrf()), 422);
        assertThat(jdbc.sql("select count(*) from budget_line").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anXlsxSheetIsReadLikeTheCsvWithNumbersAsNumbersAndErrorsByRowAndColumn() throws Exception {
        byte[] good = xlsx(new Object[][] {
                {"Tahun", "Jenis", "OPD", "Program", "Kegiatan", "Anggaran", "Realisasi"},
                {2035, "belanja", "Dinas Pendidikan", "Sekolah", "Rehab sekolah", 750000000, 300000000.5},
                {2035, "pendapatan", "Badan Pendapatan Daerah", "Pajak", "PBB", "1.000.000.000", null}});
        perform(upload(good, "apbd-2035.xlsx"), 302);
        String page = perform(get("/apbd").param("tahun", "2035"), 200).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Dinas Pendidikan", "Rp 750.000.000", "Rp 300.000.001", "Rp 1.000.000.000");
        MockHttpServletResponse source = perform(get("/apbd/2035/sumber"), 200);
        assertThat(source.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(source.getContentAsByteArray()).isEqualTo(good);

        byte[] bad = xlsx(new Object[][] {
                {"tahun", "jenis", "opd", "program", "kegiatan", "anggaran", "realisasi"},
                {2035, "belanja", "Dinas A", "P", "K", 1000, 0},
                {2035, "belanja", "Dinas B", "P", "K", "seribu", 0}});
        String refused = perform(upload(bad, "salah.xlsx"), 422).getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("<td>3</td>", "<td>anggaran</td>", "&#39;seribu&#39; bukan jumlah rupiah");
        assertThat(jdbc.sql("select count(*) from budget_line where budget_year = 2035").query(Long.class).single()).isEqualTo(2L);
        byte[] broken = java.util.Arrays.copyOf(good, good.length / 2);
        assertThat(perform(upload(broken, "rusak.xlsx"), 422).getContentAsString(StandardCharsets.UTF_8)).contains("XLSX tidak dapat dibaca");
    }

    /** An XLSX file of these rows (numbers stay numbers, null is an empty cell), as a spreadsheet saves it. */
    static byte[] xlsx(Object[][] rows) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Balai test", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("APBD");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) sheet.value(r, c, n);
                else if (v != null) sheet.value(r, c, v.toString());
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    @Test
    void rupiahAreReadAsPeopleWriteThemAndNothingAmbiguousIsGuessed() {
        for (boolean semicolons : List.of(true, false)) {
            assertThat(BudgetImport.parseAmount("1.234.567,89", semicolons)).isEqualByComparingTo("1234567.89");
            assertThat(BudgetImport.parseAmount("Rp 1.000", semicolons)).isEqualByComparingTo("1000");
            assertThat(BudgetImport.parseAmount("Rp 1.000,-", semicolons)).isEqualByComparingTo("1000");
            assertThat(BudgetImport.parseAmount("1000,5", semicolons)).isEqualByComparingTo("1000.5");
            assertThat(BudgetImport.parseAmount("2500000", semicolons)).isEqualByComparingTo(new BigDecimal("2500000"));
            assertThat(BudgetImport.parseAmount("-15.000", semicolons)).isEqualByComparingTo("-15000");
            for (String bad : List.of("banyak", "1.2.3,4,5", "", "1e9", "12.34.5", "1.23,4", "12,34.5", "--5")) {
                assertThat(BudgetImport.parseAmount(bad, semicolons)).as(bad).isNull();
            }
        }
        // English forms only where the file is not Indonesian (semicolons)
        assertThat(BudgetImport.parseAmount("1,234,567.89", false)).isEqualByComparingTo("1234567.89");
        assertThat(BudgetImport.parseAmount("1,500", false)).isEqualByComparingTo("1500");
        assertThat(BudgetImport.parseAmount("1,500", true)).isNull();
        assertThat(BudgetImport.parseAmount("1234.5", true)).isNull();
    }

    @Test
    void aRowThatDoesNotLineUpWithTheHeaderIsRefusedNotShifted() throws Exception {
        String shifted = "tahun,jenis,opd,program,kegiatan,anggaran,realisasi\n2034,belanja,Dinas A,P,K,1.500.000,50,0\n";
        String page = perform(upload(shifted.getBytes(StandardCharsets.UTF_8), "geser.csv"), 422).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Jumlah sel tidak sama dengan baris judul");
        String unclosed = "tahun,jenis,opd,program,kegiatan,anggaran,realisasi\n2034,belanja,\"Dinas A,P,K,1000,0\n";
        assertThat(perform(upload(unclosed.getBytes(StandardCharsets.UTF_8), "kutip.csv"), 422).getContentAsString(StandardCharsets.UTF_8))
                .contains("tidak pernah ditutup");
        String formula = "tahun,jenis,opd,program,kegiatan,anggaran,realisasi\n2034,belanja,=HYPERLINK(1),P,K,1000,0\n";
        assertThat(perform(upload(formula.getBytes(StandardCharsets.UTF_8), "rumus.csv"), 422).getContentAsString(StandardCharsets.UTF_8))
                .contains("rumus spreadsheet");
        // rows of bare separators below the data, as spreadsheets write them, are no rows
        String trailing = "tahun;jenis;opd;program;kegiatan;anggaran;realisasi\r2034;belanja;Dinas A;P;K;1.000;0\r;;;;;;\r;;;;;;\r";
        perform(upload(trailing.getBytes(StandardCharsets.UTF_8), "mac.csv"), 302);
        assertThat(jdbc.sql("select count(*) from budget_line where budget_year = 2034").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from budget_import where budget_year = 2034 and source_name = 'mac.csv'").query(Long.class).single()).isOne();
    }

    @Test
    void onlyTheCityAdminImports() throws Exception {
        long before = jdbc.sql("select count(*) from budget_import").query(Long.class).single();
        List<Supplier<MockHttpServletRequestBuilder>> requests = new ArrayList<>();
        requests.add(() -> get("/admin/apbd"));
        requests.add(() -> post("/admin/apbd"));
        CityAdminOnly.check(mvc, staff, requests);
        assertThat(jdbc.sql("select count(*) from budget_import").query(Long.class).single()).isEqualTo(before);
        assertThat(perform(get("/apbd/1999/sumber.csv"), 404).getStatus()).isEqualTo(404);
    }

    private AbstractMockHttpServletRequestBuilder<?> upload(byte[] content, String name) {
        return multipart("/admin/apbd").file(new MockMultipartFile("file", name, "text/csv", content)).with(user(admin)).with(csrf());
    }

    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
