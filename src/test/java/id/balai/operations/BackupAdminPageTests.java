package id.balai.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.identity.StaffRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** {@code /admin/cadangan} and {@code /admin/api/cadangan}: only a city admin, only backup names. */
@SpringBootTest(properties = "balai.demo.enabled=false")
@AutoConfigureMockMvc
class BackupAdminPageTests {

    @Autowired MockMvc mvc;
    @Autowired BackupService backups;
    @Autowired StaffDirectory staff;

    static final StaffPrincipal CITY_ADMIN = principal(901, StaffRole.CITY_ADMIN);
    static final StaffPrincipal COORDINATOR = principal(902, StaffRole.COORDINATOR);

    static StaffPrincipal principal(long id, StaffRole role) {
        return new StaffPrincipal(id, "user-" + id, "Staf " + id, null, role, null, null, false, null, true, 0);
    }

    @Test
    void aCityAdminSeesTheBackupsAndCreatesOneWithTheButton() throws Exception {
        mvc.perform(get("/admin/cadangan").with(user(CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Buat cadangan sekarang")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(backups.backupsDir().toString())));

        MvcResult created = mvc.perform(post("/admin/cadangan").with(user(CITY_ADMIN)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/cadangan"))
                .andExpect(flash().attributeExists("created"))
                .andReturn();
        String name = (String) created.getFlashMap().get("created");
        assertThat(name).matches(BackupService.NAME.pattern());

        mvc.perform(get("/admin/cadangan").with(user(CITY_ADMIN)).flashAttr("created", name))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cadangan " + name + " berhasil dibuat.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/admin/cadangan/" + name + "\"")));

        mvc.perform(get("/admin/cadangan").param("lang", "en").with(user(CITY_ADMIN)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Back up now")));
    }

    @Test
    void aCityAdminDownloadsABackupByteForByte() throws Exception {
        BackupService.BackupFile backup = backups.createBackup();
        byte[] onDisk = Files.readAllBytes(backups.find(backup.name()).orElseThrow());

        MvcResult download = mvc.perform(get("/admin/cadangan/{name}", backup.name()).with(user(CITY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + backup.name() + "\""))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(onDisk);
    }

    @Test
    void creatingWithoutTheCsrfTokenIsRefused() throws Exception {
        int before = backups.list().size();
        mvc.perform(post("/admin/cadangan").with(user(CITY_ADMIN))).andExpect(status().isForbidden());
        assertThat(backups.list()).hasSize(before);
    }

    @Test
    void aCoordinatorIsForbiddenEverything() throws Exception {
        String name = backups.createBackup().name();
        int before = backups.list().size();
        mvc.perform(get("/admin/cadangan").with(user(COORDINATOR))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/cadangan").with(user(COORDINATOR)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/cadangan/{name}", name).with(user(COORDINATOR))).andExpect(status().isForbidden());
        assertThat(backups.list()).hasSize(before);
    }

    @Test
    void anAnonymousVisitorIsSentToTheStaffLogIn() throws Exception {
        String name = backups.createBackup().name();
        mvc.perform(get("/admin/cadangan").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staf/masuk"));
        mvc.perform(get("/admin/cadangan/{name}", name).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staf/masuk"));
        mvc.perform(post("/admin/cadangan").with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/staf/masuk"));
    }

    @Test
    void namesOtherThanABackupNameNeverServeAFile() throws Exception {
        String real = backups.createBackup().name();
        // Files that exist but are not backups: one beside the backups, one in the data folder.
        Files.writeString(backups.backupsDir().resolve("catatan.zip"), "rahasia", StandardCharsets.UTF_8);
        Files.writeString(backups.backupsDir().resolve(real + ".bak"), "rahasia", StandardCharsets.UTF_8);
        Path dataDir = backups.backupsDir().getParent();
        Files.writeString(dataDir.resolve("balai-20260101-000000.zip"), "rahasia", StandardCharsets.UTF_8);

        for (String raw : new String[] {
                "/admin/cadangan/..%2F..%2Fetc%2Fpasswd",
                "/admin/cadangan/balai-../../x.zip",
                "/admin/cadangan/..%2Fbalai-20260101-000000.zip",
                "/admin/cadangan/%2e%2e%2fbalai-20260101-000000.zip",
                "/admin/cadangan/balai-..%2F..%2Fx.zip",
                "/admin/cadangan/catatan.zip",
                "/admin/cadangan/" + real + ".bak",
                "/admin/cadangan/balai-20260101-000000.zip",
                "/admin/cadangan/balai-2026-01-01.zip",
                "/admin/cadangan/BALAI-20260101-000000.ZIP"}) {
            MvcResult result = mvc.perform(get(URI.create(raw)).with(user(CITY_ADMIN))).andReturn();
            assertThat(result.getResponse().getStatus()).as(raw).isIn(400, 404);
            assertThat(result.getResponse().getContentAsString()).as(raw).doesNotContain("rahasia", "root:");
        }
    }

    @Test
    void scriptsCreateAndListBackupsWithHttpBasicAndTheApiHeader() throws Exception {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffDirectory.NewStaff(username, "Admin Kota", null, StaffRole.CITY_ADMIN, null, null, false, "sandi-admin-kota"));

        MvcResult created = mvc.perform(post("/admin/api/cadangan").with(httpBasic(username, "sandi-admin-kota"))
                        .header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.matchesPattern(BackupService.NAME)))
                .andExpect(header().exists("Location"))
                .andReturn();
        assertThat(created.getRequest().getSession(false)).as("no session for API calls").isNull();
        assertThat(created.getResponse().getHeader("Set-Cookie")).isNull();
        String name = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.name");

        mvc.perform(get("/admin/api/cadangan").with(httpBasic(username, "sandi-admin-kota")).header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value(name))
                .andExpect(jsonPath("$[0].download").value("/admin/api/cadangan/" + name));

        // the download link takes the same HTTP Basic credentials and header
        mvc.perform(get("/admin/api/cadangan/{name}", name).with(httpBasic(username, "sandi-admin-kota"))
                        .header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isOk()).andExpect(content().contentType("application/zip"));
    }

    @Test
    void theApiCannotBeReachedByAForgedBrowserRequest() throws Exception {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        String coordinator = "koord-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(new StaffDirectory.NewStaff(username, "Admin Kota", null, StaffRole.CITY_ADMIN, null, null, false, "sandi-admin-kota"));
        staff.create(new StaffDirectory.NewStaff(coordinator, "Koordinator", null, StaffRole.COORDINATOR, null, null, false, "sandi-koordinator"));
        int before = backups.list().size();

        // A cross-site form carries cached Basic credentials but cannot add the header.
        mvc.perform(post("/admin/api/cadangan").with(httpBasic(username, "sandi-admin-kota")))
                .andExpect(status().isForbidden());
        // Nobody: asked to authenticate with HTTP Basic, never redirected to a form.
        mvc.perform(post("/admin/api/cadangan").header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
        mvc.perform(post("/admin/api/cadangan").with(httpBasic(username, "salah")).header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/admin/api/cadangan").with(httpBasic(coordinator, "sandi-koordinator")).header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isForbidden());

        // The admin's log-in session (cookie) counts for nothing on the API, even with the header.
        RequestPostProcessor fromAnotherAddress = request -> {
            request.setRemoteAddr("10.20.30.40");
            return request;
        };
        MvcResult login = mvc.perform(post("/staf/masuk").with(csrf()).with(fromAnotherAddress)
                        .param("username", username).param("password", "sandi-admin-kota"))
                .andExpect(redirectedUrl("/staf")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/admin/cadangan").session(session)).andExpect(status().isOk());
        mvc.perform(post("/admin/api/cadangan").session(session).header(OperationsApiSecurity.API_HEADER, "1"))
                .andExpect(status().isUnauthorized());

        assertThat(backups.list()).hasSize(before);
    }
}
