package id.balai.open311.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import id.balai.identity.AdminAudit;
import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffPrincipal;
import id.balai.support.CityAdminOnly;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The city admin's page for forwarding: who may use it, what it refuses, and that a key is never shown again. */
@SpringBootTest
@AutoConfigureMockMvc
class OutboundAdminWebTest {

    @Autowired MockMvc mvc;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;
    @Autowired AdminAudit audit;
    @Autowired OutboundSettings settings;

    StaffPrincipal admin;

    @BeforeEach
    void cityAdmin() {
        admin = staff.byUsername("admin").orElseThrow();
    }

    @Test
    void onlyTheCityAdminMayOpenOrChangeIt() throws Exception {
        long before = rows();
        List<Supplier<MockHttpServletRequestBuilder>> requests = List.of(
                () -> get("/admin/open311-keluar"),
                () -> endpointForm("Sistem Provinsi", "https://prov.example/open311/v2/"),
                () -> post("/admin/open311-keluar/kategori").param("categoryCode", "sampah").param("endpointId", "1").param("serviceCode", "X"),
                () -> post("/admin/open311-keluar/sistem/1/nonaktifkan"),
                () -> post("/admin/open311-keluar/sistem/1/kunci").param("apiKey", "baru"),
                () -> post("/admin/open311-keluar/kategori/sampah/hapus"),
                () -> post("/admin/open311-keluar/laporan/1/kirim-ulang"));
        CityAdminOnly.check(mvc, staff, requests);
        assertThat(rows()).isEqualTo(before);
        String inbox = mvc.perform(get("/staf").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("href=\"/admin/open311-keluar\"");
    }

    @Test
    void badInputIsRefusedWithItsMessageAndNothingIsStored() throws Exception {
        long before = rows();
        long audited = audit.latest(1000).size();
        for (String url : List.of("ftp://prov.example/open311/v2/", "file:///etc/passwd", "javascript:alert(1)", "prov.example/v2",
                "https://user:pw@prov.example/v2/", "https://prov.example/v2/?x=1")) {
            String page = perform(endpointForm("Sistem Provinsi", url).with(user(admin)).with(csrf()), 422).getContentAsString();
            assertThat(page).as(url).contains("Alamat dasar harus alamat http:// atau https:// yang lengkap");
            assertThat(page).doesNotContain("kunci-rahasia-provinsi-42");
        }
        String noName = perform(endpointForm("", "https://prov.example/v2/").with(user(admin)).with(csrf()), 422).getContentAsString();
        assertThat(noName).contains("Isi nama sistem");
        assertThat(rows()).isEqualTo(before);

        long id = settings.addEndpoint("Sistem Nasional " + System.nanoTime() % 100000, "https://nas.example/open311/v2/", "k-123456", null, "json");
        String unknown = perform(post("/admin/open311-keluar/kategori").param("categoryCode", "tidak-ada").param("endpointId", String.valueOf(id))
                .param("serviceCode", "ROAD").with(user(admin)).with(csrf()), 422).getContentAsString();
        assertThat(unknown).contains("Kategori itu tidak dikenal");
        String badCodes = perform(post("/admin/open311-keluar/kategori").param("categoryCode", "sampah").param("endpointId", "999999")
                .param("serviceCode", "a b").param("attributeMap", "tanpa tanda sama dengan").with(user(admin)).with(csrf()), 422)
                .getContentAsString();
        assertThat(badCodes).contains("Sistem tujuan itu tidak ada").contains("Isi service_code").contains("Tulis satu pasangan per baris");
        assertThat(settings.mappings()).isEmpty();
        assertThat(audit.latest(1000)).hasSize((int) audited + 1); // the endpoint added directly above
    }

    @Test
    void anEndpointIsAddedWithItsKeyShownNeverAgainAndACategoryIsForwardedToIt() throws Exception {
        String name = "Sistem Provinsi <b>Jateng</b>";
        String page = perform(endpointForm(name, "https://prov.example/open311/v2").with(user(admin)).with(csrf()), 200).getContentAsString();
        assertThat(page).contains("Sistem Provinsi &lt;b&gt;Jateng&lt;/b&gt;").doesNotContain("<b>Jateng</b>")
                .doesNotContain("kunci-rahasia-provinsi-42").contains("kunc…");
        Endpoint endpoint = settings.endpoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        assertThat(endpoint.baseUrl()).isEqualTo("https://prov.example/open311/v2/");
        assertThat(endpoint.apiKey()).isEqualTo("kunci-rahasia-provinsi-42");
        assertThat(endpoint.toString()).doesNotContain("kunci-rahasia");

        perform(post("/admin/open311-keluar/kategori").param("categoryCode", "jalan-rusak").param("endpointId", String.valueOf(endpoint.id()))
                .param("serviceCode", "ROAD-01").param("attributeMap", "ukuran=size").with(user(admin)).with(csrf()), 200);
        Mapping mapping = settings.activeMapping("jalan-rusak").orElseThrow();
        assertThat(mapping.serviceCode()).isEqualTo("ROAD-01");
        assertThat(mapping.theirCode("ukuran")).contains("size");
        assertThat(mapping.theirCode("lain")).as("answers the admin did not list are not sent").isEmpty();
        assertThat(audit.latest(5)).extracting(AdminAudit.Entry::action).contains("open311out.endpoint.created", "open311out.category.mapped");

        perform(post("/admin/open311-keluar/sistem/{id}/nonaktifkan", endpoint.id()).with(user(admin)).with(csrf()), 302);
        assertThat(settings.activeMapping("jalan-rusak")).isEmpty();
        perform(post("/admin/open311-keluar/kategori/jalan-rusak/hapus").with(user(admin)).with(csrf()), 302);
        assertThat(settings.mappings()).isEmpty();
    }

    private static MockHttpServletRequestBuilder endpointForm(String name, String url) {
        return post("/admin/open311-keluar/sistem").param("name", name).param("baseUrl", url).param("apiKey", "kunci-rahasia-provinsi-42")
                .param("format", "xml");
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from open311_endpoint) + (select count(*) from open311_category_forward)").query(Long.class).single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response;
    }
}
