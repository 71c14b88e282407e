package id.balai.platform;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writing feeds and sitemaps with the JDK's own StAX writer (another StAX library on the class path, such as
 * Aalto brought by the XLSX reader, would otherwise change the output), leaving out characters XML cannot hold.
 */
public final class XmlDocuments {

    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private XmlDocuments() {}

    /** The elements of one document. */
    public interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    /** A whole UTF-8 document with its declaration. */
    public static void write(OutputStream out, Body body) throws IOException {
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("XML document could not be written", e);
        }
    }

    /** An element holding text (empty when {@code value} is null). */
    public static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value != null) w.writeCharacters(text(value));
        w.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot hold (control characters, lone surrogates). */
    public static String text(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!legal && out == null) out = new StringBuilder(text.substring(0, i));
            if (legal && out != null) out.append(c);
        }
        return out == null ? text : out.toString();
    }
}
