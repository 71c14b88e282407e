package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.reports.ReportCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of JSON answer, checked against the JSON Schemas the app publishes at
 * {@code /open311/v2/georeport-v2.schema.json} (draft 2020-12; no property beyond the spec's may appear).
 */
@SpringBootTest
@AutoConfigureMockMvc
class Open311JsonSchemaTest {

    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Autowired MockMvc mvc;
    @Autowired ReportCatalogue catalogue;
    @Autowired Regions regions;

    @Test
    void discoveryServicesAndEveryServiceDefinitionMatchTheirSchemas() throws Exception {
        valid("discovery", call(get("/open311/v2/discovery.json"), 200));
        valid("services", call(get("/open311/v2/services.json"), 200));
        valid("services", call(get("/open311/v2/services.json?lang=en"), 200));
        for (ReportCatalogue.Service s : catalogue.services()) {
            valid("serviceDefinition", call(get("/open311/v2/services/" + s.code() + ".json"), 200));
        }
    }

    @Test
    void requestsWithAndWithoutExtensionsAndUpdatesMatchTheirSchemas() throws Exception {
        for (String query : List.of("", "?status=closed", "?extensions=true", "?extensions=true&detailed_status=ARCHIVED",
                "?updated_after=2020-01-01T00:00:00Z&extensions=true", "?page_size=3&page=2")) {
            JsonNode requests = Open311ServicesTest.JSON.readTree(call(get("/open311/v2/requests.json" + query), 200).getContentAsByteArray());
            valid("requests", requests);
            if (requests.size() > 0) {
                String code = requests.get(0).get("service_request_id").asString();
                valid("requests", call(get("/open311/v2/requests/" + code + ".json?extensions=true"), 200));
            }
        }
        valid("updates", call(get("/open311/v2/servicerequestupdates.json"), 200));
    }

    @Test
    void aPostReplyAndEveryErrorMatchTheirSchemas() throws Exception {
        ReportCatalogue.Service service = catalogue.services().stream().filter(s -> s.fields().isEmpty()).findFirst().orElseThrow();
        GeoPoint inside = regions.centreOf(regions.kelurahans().get(4).code()).orElseThrow();
        MockHttpServletRequestBuilder filing = post("/open311/v2/requests.json").param("api_key", "demo-astina")
                .param("service_code", service.code()).param("lat", String.valueOf(inside.lat())).param("long", String.valueOf(inside.lon()))
                .param("description", "Genangan air setinggi mata kaki di depan sekolah.");
        MockHttpServletResponse filed = call(filing, 200);
        valid("postReply", filed);
        JsonNode reply = Open311ServicesTest.json(filed);
        // the partner that filed it relays a comment: an update reply
        valid("updatePostReply", call(post("/open311/v2/servicerequestupdates.json").param("api_key", "demo-astina")
                .param("service_request_id", reply.get(0).get("service_request_id").asString()).param("update_id", "schema-1")
                .param("status", "OPEN").param("description", "Airnya makin tinggi."), 200));
        valid("errors", call(post("/open311/v2/servicerequestupdates.json").param("api_key", "demo-astina"), 400));

        valid("errors", call(get("/open311/v2/services/tidak-ada.json"), 404));
        valid("errors", call(get("/open311/v2/requests.json?start_date=kemarin"), 400));
        valid("errors", call(get("/open311/v2/requests/ZZZZ-ZZZZ.json"), 404));
        valid("errors", call(post("/open311/v2/requests.json").param("api_key", "salah").param("service_code", service.code()), 403));
        valid("errors", call(post("/open311/v2/requests.json").param("api_key", "demo-astina").param("service_code", service.code())
                .param("lat", "-7.9").param("long", "111.9").param("description", "Di luar kota, tidak boleh masuk."), 400));
    }

    @Test
    void aSchemaCatchesWhatMustNeverAppear() throws Exception {
        // the guard works: a request carrying a reporter's e-mail is not valid
        JsonNode leaked = Open311ServicesTest.JSON.readTree("""
                [{"service_request_id":"AB12-CD34","status":"open","status_notes":null,"service_name":"Sampah","service_code":"sampah",
                  "description":"x","agency_responsible":null,"service_notice":null,"requested_datetime":"2026-11-24T07:30:00+07:00",
                  "updated_datetime":"2026-11-24T07:30:00+07:00","expected_datetime":null,"address":null,"address_id":null,
                  "zipcode":null,"lat":-6.9,"long":110.1,"media_url":null,"email":"warga@example.org"}]""");
        assertThat(schema("requests").validate(leaked)).isNotEmpty();
    }

    @Test
    void theOpenApiDescriptionNamesEveryOpen311EndpointTheAppServes(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings) throws Exception {
        JsonNode openapi = Open311ServicesTest.JSON.readTree(call(get("/open311/v2/openapi.json"), 200).getContentAsByteArray());
        assertThat(openapi.get("openapi").asString()).startsWith("3.1");
        java.util.Set<String> described = new java.util.TreeSet<>();
        openapi.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m ->
                described.add(m.getKey().toUpperCase() + " /open311/v2" + p.getKey().replaceAll("\\{[a-z_]+}", "{}"))));
        java.util.Set<String> served = new java.util.TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals(Open311Controller.class.getPackageName())) return;
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/open311/v2/") || !pattern.contains(".{format}")) continue;
                info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern.replaceAll("\\{[a-z_]+}", "{}")));
            }
        });
        assertThat(served).isNotEmpty();
        assertThat(described).isEqualTo(served);
        openapi.at("/paths").forEach(path -> path.forEach(op -> op.get("responses").forEach(r -> r.findValues("$ref").forEach(ref ->
                assertThat(schema(ref.asString().substring(ref.asString().lastIndexOf('/') + 1))).isNotNull()))));
    }

    @Test
    void theSchemasArePublishedForPartners() throws Exception {
        MockHttpServletResponse published = call(get("/open311/v2/georeport-v2.schema.json"), 200);
        assertThat(Open311ServicesTest.JSON.readTree(published.getContentAsByteArray()).get("$defs").has("requests")).isTrue();
    }

    private void valid(String definition, MockHttpServletResponse response) throws Exception {
        valid(definition, Open311ServicesTest.JSON.readTree(response.getContentAsByteArray()));
    }

    private static void valid(String definition, JsonNode json) {
        List<Error> errors = schema(definition).validate(json);
        assertThat(errors).as(definition + ": " + json).isEmpty();
    }

    private static Schema schema(String definition) {
        return REGISTRY.getSchema(SchemaLocation.of("classpath:static/open311/v2/georeport-v2.schema.json#/$defs/" + definition));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response;
    }
}
