package id.balai.open311;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import id.balai.reports.ReportCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read side of the catalogue in GeoReport v2: discovery, the service list and each service's
 * definition. The format is the path's suffix ({@code .xml} or {@code .json}); errors come back as the
 * spec's {@code {code, description}} list in that format (XML when the suffix itself is wrong).
 */
@RestController
class Open311Controller {

    static final String BASE = "/open311/v2";

    /**
     * The lists partners poll, kept like the public report list (per path, query and language, dropped when
     * public content changes and after at most 10 s): a crowd of clients asking for the same page costs one
     * query. A change that does not alter lists (a public note) reaches these answers within those 10 s.
     */
    @org.springframework.context.annotation.Bean
    static id.balai.platform.web.PublicPageCache.Pages open311Pages() {
        return id.balai.platform.web.PublicPageCache.Pages.of(BASE + "/discovery.json", BASE + "/discovery.xml", BASE + "/services.json",
                BASE + "/services.xml", BASE + "/requests.json", BASE + "/requests.xml", BASE + "/servicerequestupdates.json",
                BASE + "/servicerequestupdates.xml");
    }
    /** When this API last changed in a way clients may care about (discovery's {@code changeset}). */
    static final String CHANGESET = "2026-11-24T00:00:00+07:00";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final ReportCatalogue catalogue;
    private final Regions regions;
    private final MessageSource messages;
    private final BalaiProperties properties;

    Open311Controller(ReportCatalogue catalogue, Regions regions, MessageSource messages, BalaiProperties properties) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.messages = messages;
        this.properties = properties;
    }

    @GetMapping(BASE + "/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        Fields endpoint = Fields.of("endpoint")
                .put("specification", SPECIFICATION)
                .put("url", properties.publicBaseUrl() + BASE)
                .put("changeset", CHANGESET)
                .put("type", "production")
                .put("formats", new Items("formats", "format", List.of(Open311Format.XML.mediaType(), Open311Format.JSON.mediaType())));
        Fields discovery = Fields.of("discovery")
                .put("changeset", CHANGESET)
                .put("contact", text("open311.discovery.contact", properties.publicBaseUrl()))
                .put("key_service", properties.publicBaseUrl() + "/open311")
                .put("endpoints", new Items("endpoints", "endpoint", List.of(endpoint)));
        return f.answer(discovery);
    }

    @GetMapping(BASE + "/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        Locale locale = LocaleContextHolder.getLocale();
        List<Fields> services = new ArrayList<>();
        for (ReportCatalogue.Service s : catalogue.services()) {
            String keywords = s.hashtag().replaceFirst("^#", "") + (s.emergency() ? "," + text("open311.keyword.emergency") : "");
            String group = s.defaultAgencyId() == null ? "" : regions.agency(s.defaultAgencyId()).map(Agency::shortName).orElse("");
            services.add(Fields.of("service")
                    .put("service_code", s.code())
                    .put("service_name", s.name(locale))
                    .put("description", text(s.emergency() ? "open311.service.description.emergency" : "open311.service.description",
                            s.name(locale), s.hashtag(), s.verifyDays(), s.followUpDays()))
                    .put("metadata", !s.fields().isEmpty())
                    .put("type", "realtime")
                    .put("keywords", keywords)
                    .put("group", group));
        }
        return f.answer(new Items("services", "service", services));
    }

    @GetMapping(BASE + "/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format) {
        Open311Format f = Open311Format.of(format);
        ReportCatalogue.Service service = catalogue.service(code)
                .orElseThrow(() -> new Open311Exception(f, 404, "open311.error.service.unknown", code));
        Locale locale = LocaleContextHolder.getLocale();
        List<Fields> attributes = new ArrayList<>();
        for (ReportCatalogue.Field field : service.fields()) {
            List<Fields> values = field.choices().stream().map(c -> Fields.of("value").put("key", c).put("name", c)).toList();
            attributes.add(Fields.of("attribute")
                    .put("variable", true)
                    .put("code", field.code())
                    .put("datatype", datatype(field.kind()))
                    .put("required", field.required())
                    .put("datatype_description", text("open311.datatype." + datatype(field.kind())))
                    .put("order", field.order())
                    .put("description", field.label(locale))
                    .put("values", new Items("values", "value", values)));
        }
        return f.answer(Fields.of("service_definition")
                .put("service_code", service.code())
                .put("attributes", new Items("attributes", "attribute", attributes)));
    }

    /** No suffix at all: answered in XML, the format every client understands. */
    @GetMapping({BASE + "/discovery", BASE + "/services", BASE + "/services/{code:[^.]+}", BASE + "/requests", BASE + "/requests/{id:[^.]+}", BASE + "/servicerequestupdates"})
    ResponseEntity<byte[]> noFormat() {
        throw new Open311Exception(Open311Format.XML, 400, "open311.error.format.missing");
    }

    private static String datatype(QuestionKind kind) {
        return switch (kind) {
            case TEXT -> "string";
            case LONG_TEXT -> "text";
            case NUMBER -> "number";
            case DATETIME -> "datetime";
            case CHOICE -> "singlevaluelist";
            case MULTI_CHOICE -> "multivaluelist";
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
