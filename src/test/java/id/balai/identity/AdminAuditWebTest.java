package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.reports.CatalogueAdmin;
import id.balai.reports.CatalogueAdmin.CategoryChange;
import id.balai.reports.CatalogueAdmin.CategorySettings;
import id.balai.support.CityAdminOnly;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The admin audit trail: staff, catalogue and template changes made on the admin pages are recorded
 * with the admin's id and the record's id, in the change's own transaction, without any password or
 * personal data; the city admin reads them at {@code /admin/jejak}, nobody else may.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AdminAuditWebTest {

    static final String PASSWORD = "kata-sandi-jejak-2027";

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired CatalogueAdmin catalogue;
    @Autowired AdminAudit audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void changesOnTheAdminPagesAreListedWithWhoWhatAndWhichRecordButNothingPersonal() throws Exception {
        StaffPrincipal admin = staff.byUsername("admin").orElseThrow();
        mvc.perform(post("/admin/staf").param("username", "petugas.jejak").param("fullName", "Sulastri Jejak")
                .param("email", "sulastri@astina.example").param("role", "COORDINATOR").param("password", PASSWORD)
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        long account = staff.byUsername("petugas.jejak").orElseThrow().id();
        mvc.perform(post("/admin/staf/{id}/sandi", account).param("password", "sandi-jejak-baru-2027").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/templat").param("agencyId", "").param("title", "Terima kasih jejak").param("body", "Terima kasih, Bu Sulastri.")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        long template = jdbc.sql("select id from response_template where title = 'Terima kasih jejak'").query(Long.class).single();
        CategorySettings banjir = catalogue.categories().stream().filter(c -> c.code().equals("banjir")).findFirst().orElseThrow();
        mvc.perform(post("/admin/kategori/{id}/rute/hapus", banjir.id()).param("kelurahanCode", "99.99").with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound()); // refused: not recorded

        assertThat(audit.latest(3)).extracting(e -> e.staffId() + " " + e.action() + " " + e.subject()).containsExactly(
                admin.id() + " template.created " + template,
                admin.id() + " staff.password-reset " + account,
                admin.id() + " staff.created " + account);
        String everything = String.join("\n", jdbc.sql("select * from admin_audit")
                .query((rs, i) -> rs.getString("staff_id") + rs.getString("action") + rs.getString("subject")).list());
        assertThat(everything).doesNotContain(PASSWORD, "sandi-jejak-baru", "Sulastri", "sulastri@", "petugas.jejak", "Terima kasih");

        String html = mvc.perform(get("/admin/jejak").with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Jejak perubahan admin", "Templat jawaban dibuat", "Kata sandi akun diatur ulang", "Akun petugas dibuat",
                "#" + admin.id() + " admin", "href=\"/admin/staf/" + admin.id() + "\"", "<code>" + account + "</code>")
                .doesNotContain(PASSWORD, "Sulastri");
        // the demo seed was made by the system, at start-up
        assertThat(html).contains(">sistem<", "Kategori dibuat");
        assertThat(mvc.perform(get("/admin/jejak").param("lang", "en").with(user(admin))).andReturn().getResponse().getContentAsString())
                .contains("Admin audit trail", "Reply template created", ">system<");
        assertThat(mvc.perform(get("/staf").with(user(admin))).andReturn().getResponse().getContentAsString()).contains("href=\"/admin/jejak\"");
    }

    @Test
    void anEntryIsWrittenInTheChangesTransactionSoARolledBackChangeLeavesNone() {
        StaffPrincipal admin = staff.byUsername("admin").orElseThrow();
        CategorySettings jalan = catalogue.categories().get(1);
        long before = jdbc.sql("select count(*) from admin_audit").query(Long.class).single();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            transaction.executeWithoutResult(status -> {
                catalogue.updateCategory(jalan.id(), jalan.version(), new CategoryChange("Tidak jadi", "Never mind", jalan.hashtag(),
                        jalan.icon(), jalan.defaultAgencyId(), jalan.emergency(), jalan.verifyDays(), jalan.followUpDays(),
                        jalan.autoCloseDays(), jalan.sortOrder(), jalan.active()));
                assertThat(jdbc.sql("select count(*) from admin_audit").query(Long.class).single()).isEqualTo(before + 1);
                status.setRollbackOnly();
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select count(*) from admin_audit").query(Long.class).single()).isEqualTo(before);
        assertThat(catalogue.category(jalan.id()).orElseThrow().nameId()).isEqualTo(jalan.nameId());
        // and never on its own
        assertThatThrownBy(() -> audit.record(admin, "category.changed", "1")).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void onlyTheCityAdminMayReadTheTrail() throws Exception {
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(() -> get("/admin/jejak"));
        CityAdminOnly.check(mvc, staff, requests);
    }
}
