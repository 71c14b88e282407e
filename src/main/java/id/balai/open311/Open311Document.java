package id.balai.open311;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Open311 answer, written once and rendered as XML or JSON by the spec's rule: JSON drops the list
 * root, so a list is a top-level array and an object a top-level object; XML wraps a list in its root
 * element and each item in the item element. Values are strings, numbers, booleans, nested objects
 * ({@link Fields}) or lists ({@link Items}); null is written as an empty element in XML and null in JSON.
 */
sealed interface Open311Document {

    /** An object with its fields in order; {@code element} names it in XML. */
    record Fields(String element, Map<String, Object> values) implements Open311Document {

        static Fields of(String element) {
            return new Fields(element, new LinkedHashMap<>());
        }

        Fields put(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    /** A list: {@code element} wraps it in XML, {@code item} names each entry. */
    record Items(String element, String item, List<?> entries) implements Open311Document {}

    JsonMapper JSON = JsonMapper.builder().build();
    XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory(); // the JDK's own writer, whatever other StAX libraries are on the class path

    default byte[] json() {
        return JSON.writeValueAsBytes(plain(this));
    }

    default byte[] xml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            write(w, this instanceof Fields f ? f.element() : ((Items) this).element(), this);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Open311 XML could not be written", e);
        }
        return out.toByteArray();
    }

    /** The text without the characters XML 1.0 cannot carry (one would make the answer unreadable to every client). */
    static String xmlText(String text) {
        return id.balai.platform.XmlDocuments.text(text);
    }

    private static Object plain(Object value) {
        if (value instanceof Fields f) {
            Map<String, Object> map = new LinkedHashMap<>();
            f.values().forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value instanceof Items i) return i.entries().stream().map(Open311Document::plain).toList();
        return value;
    }

    private static void write(XMLStreamWriter w, String element, Object value) throws XMLStreamException {
        w.writeStartElement(element);
        if (value instanceof Fields f) {
            for (Map.Entry<String, Object> e : f.values().entrySet()) write(w, e.getKey(), e.getValue());
        } else if (value instanceof Items i) {
            for (Object entry : i.entries()) write(w, i.item(), entry);
        } else if (value != null) {
            w.writeCharacters(xmlText(String.valueOf(value)));
        }
        w.writeEndElement();
    }
}
