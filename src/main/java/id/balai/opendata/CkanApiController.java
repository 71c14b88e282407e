package id.balai.opendata;

import id.balai.organisation.Agency;
import id.balai.organisation.Regions;
import id.balai.platform.BalaiProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue at CKAN's own paths, with CKAN's envelope ({@code help}, {@code success}, {@code result} or
 * {@code error}), so that Satu Data portals and CKAN harvesters read it like any CKAN site. Read only.
 */
@RestController
class CkanApiController {

    static final String BASE = "/api/3/action/";
    static final String CITY_ORGANISATION = "pemerintah-daerah";
    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final int MAX_ROWS = 1000;

    private final Datasets datasets;
    private final Regions regions;
    private final BalaiProperties properties;
    private final MessageSource messages;
    private final DatasetFiles files;

    CkanApiController(Datasets datasets, Regions regions, BalaiProperties properties, MessageSource messages, DatasetFiles files) {
        this.files = files;
        this.datasets = datasets;
        this.regions = regions;
        this.properties = properties;
        this.messages = messages;
    }

    /** The catalogue as read once for one answer: its datasets and how many each organisation publishes. */
    private record Catalogue(List<Datasets.Dataset> all, Map<String, Long> counts) {}

    private Catalogue catalogue() {
        List<Datasets.Dataset> all = datasets.all();
        Map<String, Long> counts = all.stream().collect(java.util.stream.Collectors.groupingBy(d -> organisationName(d.agencyId()),
                java.util.stream.Collectors.counting()));
        return new Catalogue(all, counts);
    }

    /** CKAN clients (ckanapi among them) also POST their calls, with a JSON body or a form: the same read-only answers. */
    @org.springframework.web.bind.annotation.PostMapping(BASE + "{action}")
    ResponseEntity<Map<String, Object>> post(@PathVariable String action, @RequestParam Map<String, String> params,
            @org.springframework.web.bind.annotation.RequestBody(required = false) String body) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (body != null && body.strip().startsWith("{")) {
            try {
                tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
                for (var e : json.properties()) all.putIfAbsent(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
            } catch (tools.jackson.core.JacksonException e) {
                return error(action, 400, "Bad request", "Could not read the JSON body");
            }
        }
        return action(action, all);
    }

    @GetMapping(BASE + "{action}")
    ResponseEntity<Map<String, Object>> action(@PathVariable String action, @RequestParam Map<String, String> params) {
        Catalogue catalogue = catalogue();
        return switch (action) {
            case "package_list" -> {
                int limit = number(params, "limit", MAX_ROWS), offset = number(params, "offset", 0);
                yield ok(action, catalogue.all().stream().map(Datasets.Dataset::slug).sorted().skip(offset).limit(limit).toList());
            }
            case "package_show" -> {
                String id = params.getOrDefault("id", params.getOrDefault("name_or_id", "")).strip();
                yield catalogue.all().stream().filter(d -> d.slug().equals(id)).findFirst()
                        .<ResponseEntity<Map<String, Object>>>map(d -> ok(action, pkg(d, catalogue)))
                        .orElseGet(() -> error(action, 404, "Not Found Error", "Not found"));
            }
            case "package_search" -> search(action, params, catalogue);
            case "organization_list" -> ok(action, organisations(params, catalogue));
            case "organization_show" -> {
                String id = params.getOrDefault("id", "").strip();
                yield organisations(Map.of("all_fields", "true"), catalogue).stream().map(o -> (Map<?, ?>) o).filter(o -> id.equals(o.get("name")))
                        .findFirst().<ResponseEntity<Map<String, Object>>>map(o -> ok(action, o))
                        .orElseGet(() -> error(action, 404, "Not Found Error", "Not found"));
            }
            case "help_show" -> ok(action, HELP.getOrDefault(params.getOrDefault("name", ""), "Balai answers package_list, package_show, "
                    + "package_search, organization_list, organization_show and status_show, read only."));
            case "status_show" -> ok(action, Map.of("site_title", "Balai", "site_url", properties.publicBaseUrl(), "ckan_version", "2.10.0",
                    "extensions", List.of(), "locale_default", "id"));
            default -> error(action, 400, "Bad request - Action name not known", "Action name not known: " + action);
        };
    }

    private static final Map<String, String> HELP = Map.of(
            "package_list", "The names of every dataset. Parameters: limit, offset.",
            "package_show", "One dataset with its resources. Parameter: id (its name).",
            "package_search", "Datasets whose title, description or tags hold every word of q; fq understands organization:x, OR and -organization:x; rows (at most 1000), start.",
            "organization_list", "The publishing organisations: the agencies (OPD) and pemerintah-daerah. Parameter: all_fields.",
            "organization_show", "One organisation. Parameter: id (its name).");

    private ResponseEntity<Map<String, Object>> search(String action, Map<String, String> params, Catalogue catalogue) {
        Integer rows = parse(params.get("rows")), start = parse(params.get("start"));
        if (params.containsKey("rows") && (rows == null || rows < 0)) return validation(action, "rows", "Invalid integer");
        if (params.containsKey("start") && (start == null || start < 0)) return validation(action, "start", "Invalid integer");
        String q = params.getOrDefault("q", "").strip().toLowerCase(Locale.ROOT);
        List<String> words = q.isEmpty() || q.equals("*:*") ? List.of() : List.of(q.split("\\s+"));
        OrganisationFilter organisations = OrganisationFilter.of(params.get("fq"));
        List<Datasets.Dataset> found = catalogue.all().stream()
                .filter(d -> {
                    String text = (d.title() + " " + d.description() + " " + String.join(" ", d.tags())).toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(text::contains); // every word, anywhere, as CKAN's default AND
                })
                .filter(d -> organisations.accepts(organisationName(d.agencyId())))
                .toList();
        List<Object> results = found.stream().skip(start == null ? 0 : start).limit(Math.min(MAX_ROWS, rows == null ? 10 : rows))
                .map(d -> (Object) pkg(d, catalogue)).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.size());
        result.put("results", results);
        result.put("sort", "score desc, metadata_modified desc");
        result.put("facets", Map.of());
        result.put("search_facets", Map.of());
        return ok(action, result);
    }

    /**
     * The {@code organization:} terms of {@code fq}, as harvesters send them: {@code organization:a},
     * {@code organization:a OR organization:b}, and {@code -organization:x} to leave one out. Other terms are
     * not understood and ignored.
     */
    record OrganisationFilter(java.util.Set<String> included, java.util.Set<String> excluded) {

        static OrganisationFilter of(String fq) {
            java.util.Set<String> in = new java.util.HashSet<>(), out = new java.util.HashSet<>();
            if (fq != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-|NOT\\s+)?organization:\"?([A-Za-z0-9_-]+)\"?").matcher(fq);
                while (m.find()) (m.group(1) != null ? out : in).add(m.group(2).toLowerCase(Locale.ROOT));
            }
            return new OrganisationFilter(in, out);
        }

        boolean accepts(String organisation) {
            return (included.isEmpty() || included.contains(organisation)) && !excluded.contains(organisation);
        }
    }

    /** A dataset as CKAN's package_show gives it. */
    private Map<String, Object> pkg(Datasets.Dataset d, Catalogue catalogue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", d.slug());
        p.put("name", d.slug());
        p.put("title", d.title());
        p.put("notes", d.description());
        p.put("type", "dataset");
        p.put("state", "active");
        p.put("private", false);
        p.put("isopen", d.licenceId().startsWith("cc-") || d.licenceId().equals("odc-by"));
        p.put("license_id", d.licenceId());
        p.put("license_title", licenceTitle(d.licenceId()));
        p.put("url", properties.publicBaseUrl() + OpenDataController.PAGE + "/" + d.slug());
        p.put("version", null);
        p.put("author", null);
        Map<String, Object> organisation = organisation(d.agencyId(), catalogue);
        p.put("maintainer", organisation.get("title"));
        p.put("metadata_created", ckanTime(d.createdAt()));
        p.put("metadata_modified", ckanTime(d.updatedAt()));
        p.put("owner_org", organisationName(d.agencyId()));
        p.put("organization", organisation);
        List<Map<String, Object>> tags = d.tags().stream().map(t -> Map.<String, Object>of("name", t, "display_name", t, "state", "active")).toList();
        p.put("tags", tags);
        p.put("num_tags", tags.size());
        List<Map<String, Object>> resources = resources(d);
        p.put("resources", resources);
        p.put("num_resources", resources.size());
        List<Map<String, Object>> extras = new ArrayList<>();
        extras.add(Map.of("key", "frekuensi", "value", d.frequency()));
        if (d.kodeWilayah() != null) extras.add(Map.of("key", "kode_wilayah", "value", d.kodeWilayah()));
        p.put("extras", extras);
        p.put("groups", List.of());
        return p;
    }

    private List<Map<String, Object>> resources(Datasets.Dataset d) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (DatasetFiles.DatasetFile f : files.of(d)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", f.id());
            r.put("package_id", d.slug());
            r.put("name", f.name());
            r.put("description", f.description());
            r.put("format", f.format());
            r.put("mimetype", f.mimeType());
            r.put("url", properties.publicBaseUrl() + f.path());
            if (f.size() != null) r.put("size", f.size());
            r.put("created", ckanTime(f.created()));
            r.put("last_modified", ckanTime(f.modified()));
            r.put("position", list.size());
            r.put("state", "active");
            list.add(r);
        }
        return list;
    }

    private List<Object> organisations(Map<String, String> params, Catalogue catalogue) {
        boolean all = "true".equalsIgnoreCase(params.get("all_fields"));
        List<Object> list = new ArrayList<>();
        list.add(all ? organisation(null, catalogue) : CITY_ORGANISATION);
        for (Agency a : regions.agencies()) list.add(all ? organisation(a.id(), catalogue) : organisationName(a.id()));
        return list;
    }

    private Map<String, Object> organisation(Long agencyId, Catalogue catalogue) {
        Optional<Agency> agency = agencyId == null ? Optional.empty() : regions.agency(agencyId);
        String title = agency.map(Agency::name).orElseGet(() -> messages.getMessage("opendata.city", null, Locale.forLanguageTag("id")));
        String name = organisationName(agencyId);
        long count = catalogue.counts().getOrDefault(name, 0L);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", name);
        o.put("name", name);
        o.put("title", title);
        o.put("display_name", title);
        o.put("type", "organization");
        o.put("is_organization", true);
        o.put("state", "active");
        o.put("approval_status", "approved");
        o.put("description", "");
        o.put("image_url", "");
        o.put("package_count", count);
        return o;
    }

    private String organisationName(Long agencyId) {
        return agencyId == null ? CITY_ORGANISATION
                : regions.agency(agencyId).map(a -> a.code().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-")).orElse(CITY_ORGANISATION);
    }

    static String licenceTitle(String id) {
        return switch (id) {
            case "cc-by" -> "Creative Commons Attribution";
            case "cc-by-sa" -> "Creative Commons Attribution Share-Alike";
            case "cc-zero" -> "Creative Commons CCZero";
            case "odc-by" -> "Open Data Commons Attribution License";
            default -> id;
        };
    }

    /** CKAN writes times in UTC without an offset, with microseconds. */
    static String ckanTime(Instant t) {
        return t.atOffset(ZoneOffset.UTC).format(CKAN_TIME);
    }

    private ResponseEntity<Map<String, Object>> ok(String action, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help(action));
        body.put("success", true);
        body.put("result", result);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ResponseEntity<Map<String, Object>> error(String action, int status, String type, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        error.put("message", message);
        return failure(action, status, error);
    }

    private ResponseEntity<Map<String, Object>> validation(String action, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", "Validation Error");
        error.put(field, List.of(message));
        return failure(action, 409, error);
    }

    private ResponseEntity<Map<String, Object>> failure(String action, int status, Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help(action));
        body.put("success", false);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private String help(String action) {
        return properties.publicBaseUrl() + "/api/3/action/help_show?name=" + action.replaceAll("[^a-z_]", "");
    }

    private int number(Map<String, String> params, String name, int otherwise) {
        Integer n = parse(params.get(name));
        return n == null || n < 0 ? otherwise : n;
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
