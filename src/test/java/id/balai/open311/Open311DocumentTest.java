package id.balai.open311;

import static org.assertj.core.api.Assertions.assertThat;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

class Open311DocumentTest {

    private final Items requests = new Items("service_requests", "request", List.of(
            Fields.of("request").put("service_request_id", "AB12-CD34").put("description", "Sampah <b>&</b> \"liar\" ']]>")
                    .put("lat", -6.97).put("address", null),
            Fields.of("request").put("service_request_id", "EF56-GH78").put("description", "Jalan berlubang ✓").put("lat", -6.95)
                    .put("address", "Jl. Pemuda")));

    @Test
    void aListIsItsRootElementInXmlAndATopLevelArrayInJson() throws Exception {
        String xml = new String(requests.xml(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>");

        JsonNode json = Open311ServicesTest.JSON.readTree(requests.json());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(1).get("service_request_id").asString()).isEqualTo("EF56-GH78");
        assertThat(json.get(0).get("lat").asDouble()).isEqualTo(-6.97);
    }

    @Test
    void textWithMarkupOrQuotesComesBackExactlyAndNeverAsElements() throws Exception {
        Document doc = parse(requests.xml());
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
        assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("Sampah <b>&</b> \"liar\" ']]>");
        assertThat(doc.getElementsByTagName("description").item(1).getTextContent()).isEqualTo("Jalan berlubang ✓");
        assertThat(Open311ServicesTest.JSON.readTree(requests.json()).get(0).get("description").asString())
                .isEqualTo("Sampah <b>&</b> \"liar\" ']]>");
    }

    @Test
    void aMissingValueIsAnEmptyElementInXmlAndNullInJson() throws Exception {
        Document doc = parse(requests.xml());
        assertThat(doc.getElementsByTagName("address").item(0).getTextContent()).isEmpty();
        assertThat(Open311ServicesTest.JSON.readTree(requests.json()).get(0).get("address").isNull()).isTrue();
    }

    @Test
    void controlCharactersPastedIntoATextCannotBreakTheXml() throws Exception {
        Items pasted = new Items("service_requests", "request", List.of(Fields.of("request")
                .put("description", "Jalan\u000B berlubang\u0000 dalam \uD83D\uDE9C\u0007 ✓")));
        Document doc = parse(pasted.xml());
        assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isEqualTo("Jalan berlubang dalam \uD83D\uDE9C ✓");
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
