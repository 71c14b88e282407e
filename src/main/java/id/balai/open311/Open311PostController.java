package id.balai.open311;

import static id.balai.open311.Open311Controller.BASE;

import id.balai.open311.Open311Document.Fields;
import id.balai.open311.Open311Document.Items;
import id.balai.platform.FieldProblem;
import id.balai.reports.ReportCatalogue;
import id.balai.reports.ReportIntake;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * POST requests: a partner's system files a report with its API key, form-encoded (or multipart, with
 * the photos as {@code media}). The report goes through the web form's own path ({@link ReportIntake}).
 * A key over its limit gets 429 with {@code Retry-After}.
 */
@RestController
class Open311PostController {

    private static final Logger log = LoggerFactory.getLogger(Open311PostController.class);
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([A-Za-z0-9_-]{1,40})](\\[])?$");
    static final String CHANNEL = "OPEN311";
    private static final String RETRY_KEY = "open311-";

    private final PartnerAccess access;
    private final PartnerRecords records;
    private final ReportCatalogue catalogue;
    private final ReportIntake intake;
    private final MessageSource messages;
    private final MediaFetcher mediaFetcher;

    Open311PostController(PartnerAccess access, PartnerRecords records, ReportCatalogue catalogue, ReportIntake intake, MessageSource messages,
            MediaFetcher mediaFetcher) {
        this.mediaFetcher = mediaFetcher;
        this.access = access;
        this.records = records;
        this.catalogue = catalogue;
        this.intake = intake;
        this.messages = messages;
    }

    @PostMapping(BASE + "/requests.{format}")
    ResponseEntity<byte[]> create(@PathVariable String format, HttpServletRequest request,
            @RequestParam(name = "media", required = false) List<MultipartFile> media) throws IOException {
        Open311Format f = Open311Format.of(format);
        ApiKeys.Partner partner = access.authorise(f, request);
        String key = submissionKey(partner, request);
        // a retry after a lost answer gets its report back before anything else is checked or fetched again
        Optional<ReportIntake.Filed> earlier = key.startsWith(RETRY_KEY) ? intake.filed(key) : Optional.empty();
        if (earlier.isPresent()) return filed(f, earlier.get(), partner, request);

        String code = param(request, "service_code");
        if (code == null) throw new Open311Exception(f, 400, "open311.error.service.missing");
        ReportCatalogue.Service service = catalogue.service(code).orElseThrow(() -> new Open311Exception(f, 404, "open311.error.service.unknown", code));
        Double lat = coordinate(f, request, "lat", 90), lon = coordinate(f, request, "long", 180);
        if (lat == null || lon == null) {
            boolean addressOnly = param(request, "address_string") != null || param(request, "address_id") != null;
            throw new Open311Exception(f, 400, addressOnly ? "open311.error.location.point" : "open311.error.location.missing");
        }
        String description = param(request, "description");
        if (description != null && description.length() > 4000) throw new Open311Exception(f, 400, "open311.error.description.long");

        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            Matcher m = ATTRIBUTE.matcher(p.getKey());
            if (m.matches()) answers.merge(m.group(1), String.join(", ", p.getValue()), (a, b) -> a + ", " + b);
        }
        List<byte[]> photos = new ArrayList<>();
        if (media != null) for (MultipartFile file : media) if (file != null && !file.isEmpty()) photos.add(file.getBytes());
        String mediaUrl = param(request, "media_url");
        if (mediaUrl != null) {
            // refused like a broken upload would be: the partner retries and the citizen's photo is not lost
            MediaFetcher.Fetched fetched = mediaFetcher.fetch(mediaUrl);
            if (fetched instanceof MediaFetcher.Refused refused) {
                throw new Open311Exception(f, 400, refused.refusal().messageKey(), refused.refusal().detail());
            }
            photos.add(((MediaFetcher.Photo) fetched).bytes());
        }
        String name = String.join(" ", nonNull(param(request, "first_name")), nonNull(param(request, "last_name"))).strip();

        ReportIntake.Result result = intake.submit(new ReportIntake.Submission(key, service.code(), description,
                lat, lon, param(request, "address_string"), name.isEmpty() ? null : name, param(request, "phone"), param(request, "email"),
                answers, photos, CHANNEL));
        if (result instanceof ReportIntake.Refused refused) {
            List<Fields> errors = refused.problems().stream().map(p -> Fields.of("error").put("code", 400)
                    .put("description", parameterOf(p) + ": " + text(p.messageKey()))).toList();
            return f.answer(400, new Items("errors", "error", errors));
        }
        return filed(f, (ReportIntake.Filed) result, partner, request);
    }

    private ResponseEntity<byte[]> filed(Open311Format f, ReportIntake.Filed filed, ApiKeys.Partner partner, HttpServletRequest request) {
        try {
            records.filed(filed.trackingCode(), partner.id(), param(request, "account_id"), param(request, "email"));
        } catch (RuntimeException e) {
            // the report is saved: the partner must hear so, or it would file it again; its later updates are notes only
            log.warn("Open311: report {} filed, but not recorded as partner #{}'s", filed.trackingCode(), partner.id(), e);
        }
        log.info("Open311: report {} {} by partner #{}", filed.trackingCode(), filed.repeated() ? "answered again" : "filed", partner.id());
        Fields reply = Fields.of("request")
                .put("service_request_id", filed.trackingCode())
                .put("service_notice", text("open311.notice.filed", filed.verifyDays()))
                .put("account_id", param(request, "account_id"));
        return f.answer(new Items("service_requests", "request", List.of(reply)));
    }

    /**
     * A partner that sends an {@code Idempotency-Key} header (or {@code idempotency_key}) gets the same
     * report back when it retries after a lost answer, instead of a second report; without one every
     * POST is a new report, as the spec has it.
     */
    private static String submissionKey(ApiKeys.Partner partner, HttpServletRequest request) {
        String retryKey = request.getHeader("Idempotency-Key");
        if (retryKey == null || retryKey.isBlank()) retryKey = param(request, "idempotency_key");
        if (retryKey == null || retryKey.isBlank()) return UUID.randomUUID().toString();
        return RETRY_KEY + JdbcApiKeys.digest(partner.id() + ":" + retryKey.strip()).substring(0, 48);
    }

    /** The Open311 parameter a form problem is about. */
    private static String parameterOf(FieldProblem problem) {
        String field = problem.field();
        if (field.startsWith("answers[")) return "attribute" + field.substring("answers".length());
        return switch (field) {
            case "location" -> "lat/long";
            case "categoryId" -> "service_code";
            case "name" -> "first_name/last_name";
            case "address" -> "address_string";
            case "photos" -> "media";
            default -> field;
        };
    }

    private static Double coordinate(Open311Format f, HttpServletRequest request, String name, double max) {
        String value = param(request, name);
        return value == null ? null : Open311Params.decimal(f, name, value, max);
    }

    private static String param(HttpServletRequest request, String name) {
        return PartnerAccess.param(request, name);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
