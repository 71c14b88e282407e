package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import id.balai.reports.CatalogueAdmin.QuestionKind;
import id.balai.reports.ReportCatalogue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Discovery, the service list and service definitions, in both formats, as an Open311 client reads them. */
@SpringBootTest
@AutoConfigureMockMvc
class Open311ServicesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired ReportCatalogue catalogue;

    @Test
    void discoveryNamesTheGeoReportV2EndpointAndBothFormats() throws Exception {
        Document xml = xml(call("/open311/v2/discovery.xml", 200, "text/xml"));
        assertThat(text(xml.getDocumentElement(), "changeset")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        Element endpoint = (Element) xml.getElementsByTagName("endpoint").item(0);
        assertThat(text(endpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(endpoint, "url")).endsWith("/open311/v2");
        assertThat(texts(endpoint, "format")).containsExactly("text/xml", "application/json");

        JsonNode json = json(call("/open311/v2/discovery.json", 200, "application/json"));
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("endpoints").get(0).get("formats").get(1).asString()).isEqualTo("application/json");
    }

    @Test
    void everyActiveCategoryIsAServiceWithItsHashtagAsKeyword() throws Exception {
        List<ReportCatalogue.Service> services = catalogue.services();
        Document xml = xml(call("/open311/v2/services.xml", 200, "text/xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        NodeList items = xml.getElementsByTagName("service");
        assertThat(items.getLength()).isEqualTo(services.size());
        Element first = (Element) items.item(0);
        assertThat(text(first, "service_code")).isEqualTo(services.get(0).code());
        assertThat(text(first, "service_name")).isEqualTo(services.get(0).nameId());
        assertThat(text(first, "keywords")).startsWith(services.get(0).hashtag().substring(1));
        assertThat(text(first, "type")).isEqualTo("realtime");
        assertThat(text(first, "metadata")).isEqualTo(String.valueOf(!services.get(0).fields().isEmpty()));

        JsonNode json = json(call("/open311/v2/services.json?lang=en", 200, "application/json"));
        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(services.size());
        assertThat(json.get(0).get("service_name").asString()).isEqualTo(services.get(0).nameEn());
        assertThat(json.get(0).get("metadata").isBoolean()).isTrue();
    }

    @Test
    void aCategorysQuestionsAreItsServiceDefinitionsAttributes() throws Exception {
        ReportCatalogue.Service asked = catalogue.services().stream()
                .filter(s -> s.fields().stream().anyMatch(f -> f.kind() == QuestionKind.CHOICE)).findFirst().orElseThrow();
        ReportCatalogue.Field choice = asked.fields().stream().filter(f -> f.kind() == QuestionKind.CHOICE).findFirst().orElseThrow();

        Document xml = xml(call("/open311/v2/services/" + asked.code() + ".xml", 200, "text/xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_definition");
        assertThat(text(xml.getDocumentElement(), "service_code")).isEqualTo(asked.code());
        NodeList attributes = xml.getElementsByTagName("attribute");
        assertThat(attributes.getLength()).isEqualTo(asked.fields().size());
        Element attribute = (Element) attributes.item(choice.order() - 1);
        assertThat(text(attribute, "code")).isEqualTo(choice.code());
        assertThat(text(attribute, "datatype")).isEqualTo("singlevaluelist");
        assertThat(text(attribute, "variable")).isEqualTo("true");
        assertThat(text(attribute, "required")).isEqualTo(String.valueOf(choice.required()));
        assertThat(text(attribute, "order")).isEqualTo(String.valueOf(choice.order()));
        assertThat(text(attribute, "description")).isEqualTo(choice.labelId());
        assertThat(texts(attribute, "key")).containsExactlyElementsOf(choice.choices());

        JsonNode json = json(call("/open311/v2/services/" + asked.code() + ".json", 200, "application/json"));
        JsonNode jsonAttribute = json.get("attributes").get(choice.order() - 1);
        assertThat(jsonAttribute.get("order").asInt()).isEqualTo(choice.order());
        assertThat(jsonAttribute.get("values").get(0).get("key").asString()).isEqualTo(choice.choices().get(0));
    }

    @Test
    void theDemoCitysQuestionsUseAllSixDatatypes() throws Exception {
        java.util.Set<String> datatypes = new java.util.TreeSet<>();
        for (ReportCatalogue.Service s : catalogue.services()) {
            if (s.fields().isEmpty()) continue;
            datatypes.addAll(texts(xml(call("/open311/v2/services/" + s.code() + ".xml", 200, "text/xml")).getDocumentElement(), "datatype"));
        }
        assertThat(datatypes).containsExactlyInAnyOrder("string", "text", "number", "datetime", "singlevaluelist", "multivaluelist");
    }

    @Test
    void thePartnerPageThatDiscoveryPointsToExplainsTheApiInBothLanguages() throws Exception {
        Document discovery = xml(call("/open311/v2/discovery.xml", 200, "text/xml"));
        String keyService = text(discovery.getDocumentElement(), "key_service");
        String path = keyService.substring(keyService.indexOf("/open311"));
        String id = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
        assertThat(id).contains("API Open311 untuk mitra", "demo-astina", "/open311/v2/requests.json", "in_progress", "IN_PROCESS",
                "georeport-v2.schema.json");
        String en = mvc.perform(get(path).param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Open311 API for partners", "Status mapping");
    }

    @Test
    void anUnknownServiceIsA404ErrorListInTheRequestedFormat() throws Exception {
        Document xml = xml(call("/open311/v2/services/tidak-ada.xml", 404, "text/xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("errors");
        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(text(error, "code")).isEqualTo("404");
        assertThat(text(error, "description")).contains("tidak-ada");

        JsonNode json = json(call("/open311/v2/services/tidak-ada.json", 404, "application/json"));
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void anUnsupportedOrMissingFormatIsA400ErrorInXml() throws Exception {
        Document html = xml(call("/open311/v2/services.html", 400, "text/xml"));
        assertThat(text((Element) html.getElementsByTagName("error").item(0), "description")).contains(".html", ".xml", ".json");
        for (String path : List.of("/open311/v2/services", "/open311/v2/discovery", "/open311/v2/services/banjir")) {
            Document none = xml(call(path, 400, "text/xml"));
            assertThat(text((Element) none.getElementsByTagName("error").item(0), "code")).isEqualTo("400");
        }
    }

    private MockHttpServletResponse call(String path, int status, String contentType) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(status);
        assertThat(response.getContentType()).as(path).startsWith(contentType);
        return response;
    }

    static Document xml(MockHttpServletResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsByteArray());
    }

    static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<%s> in <%s>", tag, parent.getTagName()).isPositive();
        return nodes.item(0).getTextContent();
    }

    static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) all.add(nodes.item(i).getTextContent());
        return all;
    }
}
