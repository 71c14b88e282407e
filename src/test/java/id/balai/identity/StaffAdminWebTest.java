package id.balai.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.organisation.Regions;
import id.balai.support.CityAdminOnly;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The city admin manages staff accounts at {@code /admin/staf}: a deactivated account cannot log in,
 * a reset password replaces the old one, an admin cannot lock themselves out, bad input is explained
 * with 422, and no page or log line shows a password or its hash. The context is dropped afterwards so
 * other test classes see the demo accounts unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class StaffAdminWebTest {

    static final String PASSWORD = "kata-sandi-awal-2027";

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired Regions regions;
    @Autowired JdbcClient jdbc;

    @Test
    void theListFiltersByRoleAndAgencyAndShowsNoHashes() throws Exception {
        String all = page(get("/admin/staf"));
        assertThat(all).contains("Akun petugas", "koordinator", "dpupr", "walikota", "Admin kota", "/admin/staf/baru");
        assertThat(all).doesNotContain("{bcrypt}", "$2a$");
        String lurahs = page(get("/admin/staf").param("peran", "LURAH"));
        assertThat(lurahs).contains(staff.withRole(StaffRole.LURAH).get(0).username()).doesNotContain(">koordinator<");
        String dlh = page(get("/admin/staf").param("opd", String.valueOf(agency("DLH"))));
        assertThat(dlh).contains(">dlh<", ">petugas.dlh<").doesNotContain(">dpupr<", ">koordinator<");
        assertThat(page(get("/admin/staf").param("peran", "BUKAN").param("opd", "x"))).contains(">koordinator<");
        assertThat(page(get("/admin/staf").param("lang", "en"))).contains("Staff accounts");
        long dlhId = staff.byUsername("dlh").orElseThrow().id();
        assertThat(page(get("/admin/staf/{id}", dlhId))).contains("Sri Rahayu", "nonaktifkan").doesNotContain("{bcrypt}", "$2a$");
    }

    @Test
    void aNewAccountCanLogInWithItsHashedPasswordAndNothingSecretIsLogged(CapturedOutput output) throws Exception {
        var form = account("petugas.baru", "FIELD_OFFICER");
        form.set("agencyId", String.valueOf(agency("DLH")));
        form.set("regionCode", regions.kelurahans().get(0).code()); // ignored for an OPD role
        mvc.perform(post("/admin/staf").params(form).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "flash.staff.created"));
        StaffPrincipal created = staff.byUsername("petugas.baru").orElseThrow();
        assertThat(created).extracting(StaffPrincipal::role, StaffPrincipal::agencyId, StaffPrincipal::regionCode, StaffPrincipal::enabled)
                .containsExactly(StaffRole.FIELD_OFFICER, agency("DLH"), null, true);
        String hash = jdbc.sql("select password_hash from staff_account where id = ?").param(created.id()).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        tryLogIn("petugas.baru", PASSWORD, "10.9.0.1").andExpect(redirectedUrl("/staf"));
        assertThat(output.getAll()).contains("account #" + created.id() + " created with role FIELD_OFFICER")
                .doesNotContain(PASSWORD, hash, "Petugas Baru", "petugas.baru@astina.example");
    }

    @Test
    void badInputIsExplainedWith422KeepsWhatWasTypedButNeverThePasswordAndStoresNothing() throws Exception {
        long before = staff.count();
        var form = account("Bukan Nama!", "AGENCY_ADMIN");
        form.set("email", "bukan-email");
        form.set("password", "pendek");
        form.set("fullName", "Budi Santoso");
        String html = mvc.perform(post("/admin/staf").params(form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "Nama pengguna harus 3 sampai 60 huruf", "Alamat email tidak valid",
                "Pilih OPD untuk admin OPD", "Kata sandi paling sedikit 12 huruf", "href=\"#username\"",
                "value=\"Bukan Nama!\"", "value=\"bukan-email\"", "value=\"Budi Santoso\"").doesNotContain("pendek");

        var lurah = account("lurah.baru", "LURAH");
        assertThat(reject(lurah)).contains("Pilih kelurahan untuk lurah");
        lurah.set("regionCode", "33.77"); // the city, not a kelurahan
        assertThat(reject(lurah)).contains("Pilih kelurahan untuk lurah");
        assertThat(reject(account("koordinator", "COORDINATOR"))).contains("Nama pengguna ini sudah dipakai");
        assertThat(reject(account("tanpa.peran", "RAJA"))).contains("Pilih peran");
        var tooLong = account("sandi.panjang", "COORDINATOR");
        tooLong.set("password", "x".repeat(73));
        assertThat(reject(tooLong)).contains("terlalu panjang");
        var noName = account("tanpa.nama", "COORDINATOR");
        noName.set("fullName", "  ");
        assertThat(reject(noName)).contains("Tulis nama lengkap");
        assertThat(staff.count()).isEqualTo(before);
    }

    @Test
    void theRoleAndScopeOfAnAccountCanBeChanged() throws Exception {
        StaffPrincipal officer = create("petugas.pindah", "FIELD_OFFICER", agency("DPUPR"));
        String kelurahan = regions.kelurahans().get(4).code();
        var form = account("diabaikan", "LURAH");
        form.set("regionCode", kelurahan);
        form.set("agencyId", String.valueOf(agency("DPUPR")));
        form.set("agencyHead", "true");
        mvc.perform(edit(officer.id(), form).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.saved"));
        StaffPrincipal changed = staff.byUsername("petugas.pindah").orElseThrow();
        assertThat(changed).extracting(StaffPrincipal::role, StaffPrincipal::regionCode, StaffPrincipal::agencyId, StaffPrincipal::agencyHead)
                .containsExactly(StaffRole.LURAH, kelurahan, null, false);
        form.set("regionCode", "");
        String html = mvc.perform(edit(officer.id(), form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Pilih kelurahan untuk lurah");
        assertThat(staff.byUsername("petugas.pindah").orElseThrow().regionCode()).isEqualTo(kelurahan);
        mvc.perform(get("/admin/staf/{id}", 999_999).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theSecondOfTwoAdminsEditingAnAccountGets409WithWhatTheyTypedKeptAndNothingOverwritten() throws Exception {
        StaffPrincipal officer = create("petugas.rebutan", "FIELD_OFFICER", agency("DLH"));
        String read = String.valueOf(version(officer.id()));
        var first = account("petugas.rebutan", "FIELD_OFFICER");
        first.set("agencyId", String.valueOf(agency("DLH")));
        first.set("fullName", "Nama Dari Admin Satu");
        var second = account("petugas.rebutan", "COORDINATOR");
        second.set("fullName", "Nama Dari Admin Dua");
        second.set("email", "dua@astina.example");
        mvc.perform(post("/admin/staf/{id}", officer.id()).params(first).param("version", read).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.saved"));
        String html = mvc.perform(post("/admin/staf/{id}", officer.id()).params(second).param("version", read).with(admin()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Admin lain mengubah akun ini selagi Anda mengisi formulir", "value=\"Nama Dari Admin Dua\"",
                "value=\"dua@astina.example\"", "<option value=\"COORDINATOR\" selected=\"selected\">",
                "id=\"conflict\"", "Nama Dari Admin Satu", "name=\"version\" value=\"" + version(officer.id()) + "\"");
        assertThat(staff.byUsername("petugas.rebutan").orElseThrow()).extracting(StaffPrincipal::fullName, StaffPrincipal::role)
                .containsExactly("Nama Dari Admin Satu", StaffRole.FIELD_OFFICER);
        assertThat(mvc.perform(post("/admin/staf/{id}", officer.id()).params(second).param("version", read).param("lang", "en")
                .with(admin()).with(csrf())).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString())
                .contains("Another admin changed this account");

        // saved again from that page, with the version it showed: overwritten knowingly
        mvc.perform(edit(officer.id(), second).with(admin()).with(csrf())).andExpect(flash().attribute("flash", "flash.staff.saved"));
        assertThat(staff.byUsername("petugas.rebutan").orElseThrow()).extracting(StaffPrincipal::fullName, StaffPrincipal::role)
                .containsExactly("Nama Dari Admin Dua", StaffRole.COORDINATOR);
        // a form without its version is refused, and stores nothing
        assertThat(mvc.perform(post("/admin/staf/{id}", officer.id()).params(first).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString()).contains("Formulir tidak lengkap");
        assertThat(staff.byUsername("petugas.rebutan").orElseThrow().role()).isEqualTo(StaffRole.COORDINATOR);
    }

    @Test
    void aDeactivatedAccountCannotLogInUntilReactivated() throws Exception {
        StaffPrincipal desk = create("meja.dua", "COORDINATOR", null);
        mvc.perform(post("/admin/staf/{id}/nonaktifkan", desk.id()).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.deactivated"));
        assertThat(staff.byUsername("meja.dua").orElseThrow().enabled()).isFalse();
        tryLogIn("meja.dua", PASSWORD, "10.9.1.1").andExpect(redirectedUrl("/staf/masuk?gagal"));
        assertThat(page(get("/admin/staf/{id}", desk.id()))).contains("nonaktif", "Aktifkan lagi");

        mvc.perform(post("/admin/staf/{id}/aktifkan", desk.id()).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.reactivated"));
        tryLogIn("meja.dua", PASSWORD, "10.9.1.2").andExpect(redirectedUrl("/staf"));
    }

    @Test
    void anOpenSessionFollowsANewNameAtOnceAndEndsWhenTheRoleChangesOrTheAccountIsDeactivated() throws Exception {
        StaffPrincipal desk = create("meja.tiga", "CITY_ADMIN", null);
        MockHttpSession session = logIn("meja.tiga", PASSWORD, "10.9.4.1");
        mvc.perform(get("/admin/staf").session(session)).andExpect(status().isOk());

        // a new name: the session goes on and shows it
        var renamed = account("meja.tiga", "CITY_ADMIN");
        renamed.set("fullName", "Nama Baru Meja");
        mvc.perform(edit(desk.id(), renamed).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/staf").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Nama Baru Meja");

        // demoted while logged in: sent to the log-in page at the next request, and may log in again with the new role
        mvc.perform(edit(desk.id(), account("meja.tiga", "COORDINATOR")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertSentToLogIn(session, "/admin/staf");
        session = logIn("meja.tiga", PASSWORD, "10.9.4.2");
        mvc.perform(get("/admin/staf").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/staf").session(session)).andExpect(status().isOk());

        // deactivated while logged in: logged out at the next request
        mvc.perform(post("/admin/staf/{id}/nonaktifkan", desk.id()).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        assertSentToLogIn(session, "/staf");
    }

    @Test
    void aPasswordResetEndsTheAccountsOpenSessionsAndNoOtherAccountsSessions() throws Exception {
        StaffPrincipal reset = create("sandi.lupa", "COORDINATOR", null);
        create("sandi.tetap", "COORDINATOR", null);
        MockHttpSession resetPhone = logIn("sandi.lupa", PASSWORD, "10.9.5.1");
        MockHttpSession resetDesk = logIn("sandi.lupa", PASSWORD, "10.9.5.2");
        MockHttpSession other = logIn("sandi.tetap", PASSWORD, "10.9.5.3");
        mvc.perform(get("/staf").session(resetPhone)).andExpect(status().isOk());

        mvc.perform(post("/admin/staf/{id}/sandi", reset.id()).param("password", "sandi-baru-yang-panjang").with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.password"));
        for (MockHttpSession old : List.of(resetPhone, resetDesk)) {
            assertSentToLogIn(old, "/staf");
        }
        mvc.perform(get("/staf").session(other)).andExpect(status().isOk());
        assertThat(other.isInvalid()).isFalse();
        mvc.perform(get("/staf").session(logIn("sandi.lupa", "sandi-baru-yang-panjang", "10.9.5.4"))).andExpect(status().isOk());
    }

    @Test
    void aReactivatedAccountDoesNotGetItsOldSessionsBack() throws Exception {
        StaffPrincipal desk = create("meja.empat", "COORDINATOR", null);
        MockHttpSession session = logIn("meja.empat", PASSWORD, "10.9.6.1");
        mvc.perform(post("/admin/staf/{id}/nonaktifkan", desk.id()).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/staf/{id}/aktifkan", desk.id()).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        // no request came in while it was deactivated, yet the session it had is over
        assertSentToLogIn(session, "/staf");
    }

    @Test
    void anAdminWhoSetsTheirOwnNewPasswordKeepsThisSessionWhileTheirOtherSessionsEnd() throws Exception {
        StaffPrincipal self = create("admin.sendiri", "CITY_ADMIN", null);
        MockHttpSession here = logIn("admin.sendiri", PASSWORD, "10.9.7.1");
        MockHttpSession elsewhere = logIn("admin.sendiri", PASSWORD, "10.9.7.2");
        mvc.perform(post("/admin/staf/{id}/sandi", self.id()).param("password", "sandi-sendiri-baru-1").session(here).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.password"));
        mvc.perform(get("/admin/staf").session(here)).andExpect(status().isOk());
        mvc.perform(get("/admin/staf/{id}", self.id()).session(here)).andExpect(status().isOk());
        assertThat(here.isInvalid()).isFalse();
        assertSentToLogIn(elsewhere, "/admin/staf");
        logIn("admin.sendiri", "sandi-sendiri-baru-1", "10.9.7.3");
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        StaffPrincipal head = create("kepala.dlh", "AGENCY_ADMIN", agency("DLH"));
        String html = mvc.perform(post("/admin/staf/{id}/sandi", head.id()).param("password", "terlalu").with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Kata sandi paling sedikit 12 huruf").doesNotContain("terlalu\"");
        mvc.perform(post("/admin/staf/{id}/sandi", head.id()).param("password", "sandi-baru-yang-panjang").with(admin()).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.staff.password"));
        tryLogIn("kepala.dlh", PASSWORD, "10.9.2.1").andExpect(redirectedUrl("/staf/masuk?gagal"));
        tryLogIn("kepala.dlh", "sandi-baru-yang-panjang", "10.9.2.2").andExpect(redirectedUrl("/staf"));
    }

    @Test
    void anAdminCannotDeactivateOrDemoteThemselvesSoTheCityKeepsAnAdmin() throws Exception {
        StaffPrincipal admin = staff.byUsername("admin").orElseThrow();
        mvc.perform(post("/admin/staf/{id}/nonaktifkan", admin.id()).with(admin()).with(csrf()))
                .andExpect(flash().attribute("flashError", "error.staff.self-deactivate"));
        var demote = account("admin", "COORDINATOR");
        String html = mvc.perform(edit(admin.id(), demote).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("tidak dapat mengubah peran akun Anda sendiri");
        assertThat(staff.byUsername("admin").orElseThrow()).extracting(StaffPrincipal::role, StaffPrincipal::enabled)
                .containsExactly(StaffRole.CITY_ADMIN, true);

        // a second admin may be demoted by the first, but the first stays
        StaffPrincipal second = create("admin.dua", "CITY_ADMIN", null);
        mvc.perform(edit(second.id(), account("admin.dua", "LEADER")).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.byUsername("admin.dua").orElseThrow().role()).isEqualTo(StaffRole.LEADER);
    }

    @Test
    void onlyTheCityAdminMayReachAnyStaffAdminPageOrAction() throws Exception {
        long target = staff.byUsername("walikota").orElseThrow().id();
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/staf"), () -> get("/admin/staf/baru"), () -> get("/admin/staf/{id}", target),
                () -> post("/admin/staf").params(account("penyusup", "CITY_ADMIN")),
                () -> post("/admin/staf/{id}", target).params(account("walikota", "CITY_ADMIN")),
                () -> post("/admin/staf/{id}/nonaktifkan", target),
                () -> post("/admin/staf/{id}/aktifkan", target),
                () -> post("/admin/staf/{id}/sandi", target).param("password", "diambil-alih-sekarang"));
        CityAdminOnly.check(mvc, staff, requests);
        assertThat(staff.byUsername("penyusup")).isEmpty();
        assertThat(staff.byUsername("walikota").orElseThrow()).extracting(StaffPrincipal::role, StaffPrincipal::enabled)
                .containsExactly(StaffRole.LEADER, true);
        tryLogIn("walikota", "demo-test-pass", "10.9.3.1").andExpect(redirectedUrl("/staf"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private RequestPostProcessor admin() {
        return user(staff.byUsername("admin").orElseThrow());
    }

    /** The session's next request is sent to the log-in page, and the session is over. */
    private void assertSentToLogIn(MockHttpSession session, String path) throws Exception {
        mvc.perform(get(path).session(session)).andExpect(redirectedUrl("/staf/masuk"));
        assertThat(session.isInvalid()).isTrue();
    }

    /** The edit form posted as read just now (with the account's current version). */
    private MockHttpServletRequestBuilder edit(long id, LinkedMultiValueMap<String, String> form) {
        return post("/admin/staf/{id}", id).params(form).param("version", String.valueOf(version(id)));
    }

    private int version(long id) {
        return jdbc.sql("select version from staff_account where id = ?").param(id).query(Integer.class).single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String reject(LinkedMultiValueMap<String, String> form) throws Exception {
        return mvc.perform(post("/admin/staf").params(form).with(admin()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
    }

    private StaffPrincipal create(String username, String role, Long agencyId) throws Exception {
        var form = account(username, role);
        if (agencyId != null) form.set("agencyId", String.valueOf(agencyId));
        mvc.perform(post("/admin/staf").params(form).with(admin()).with(csrf())).andExpect(status().is3xxRedirection());
        return staff.byUsername(username).orElseThrow();
    }

    private static LinkedMultiValueMap<String, String> account(String username, String role) {
        var form = new LinkedMultiValueMap<String, String>();
        form.set("username", username);
        form.set("fullName", "Petugas Baru");
        form.set("email", username + "@astina.example");
        form.set("role", role);
        form.set("password", PASSWORD);
        return form;
    }

    private long agency(String code) {
        return regions.agencyByCode(code).orElseThrow().id();
    }

    /** The real log-in form, from its own client address (password attempts are limited per address). */
    private org.springframework.test.web.servlet.ResultActions tryLogIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/staf/masuk").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    /** A successful log-in through the real form, and the session it opened. */
    private MockHttpSession logIn(String username, String password, String address) throws Exception {
        return (MockHttpSession) tryLogIn(username, password, address).andExpect(redirectedUrl("/staf"))
                .andReturn().getRequest().getSession(false);
    }
}
