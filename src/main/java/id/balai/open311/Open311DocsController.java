package id.balai.open311;

import id.balai.platform.BalaiProperties;
import id.balai.reports.ReportStatus;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /open311}: the page for partners' developers (Bahasa Indonesia or English, as the visitor chose),
 * with this city's address, working examples and the status mapping. Discovery's {@code key_service} points here.
 */
@Controller
class Open311DocsController {

    /** One line of the status table, computed from the same mappings the API uses. */
    record StatusMapping(String status, String v2, String detailed, String mySociety) {}

    private final BalaiProperties properties;
    private final ApiKeys keys;
    private final Open311Jurisdictions jurisdictions;

    Open311DocsController(BalaiProperties properties, ApiKeys keys, Open311Jurisdictions jurisdictions) {
        this.properties = properties;
        this.keys = keys;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/open311")
    String docs(Model model) {
        String base = properties.publicBaseUrl() + Open311Controller.BASE;
        boolean demo = keys.byKey("demo-astina").isPresent();
        model.addAttribute("base", base);
        model.addAttribute("demoKey", demo);
        model.addAttribute("jurisdictions", String.join(", ", jurisdictions.accepted()));
        model.addAttribute("examples", String.join("\n",
                "curl " + base + "/services.json",
                "curl '" + base + "/requests.json?status=open&extensions=true'",
                "curl '" + base + "/servicerequestupdates.xml'",
                "curl '" + base + "/requests.json?bbox=110.05,-6.99,110.13,-6.93&status=open'",
                "curl -d api_key=" + (demo ? "demo-astina" : "KUNCI_ANDA") + " -d service_code=sampah -d lat=-6.9622 -d long=110.0929 \\",
                "     -d 'description=Sampah menumpuk di depan pasar' " + base + "/requests.json"));
        model.addAttribute("mapping", Arrays.stream(ReportStatus.values()).map(s -> new StatusMapping(s.name(),
                s == ReportStatus.RECEIVED || s == ReportStatus.REJECTED ? "—" : Open311Statuses.v2(s),
                Open311Statuses.detailed(s), Open311Statuses.mySociety(s))).toList());
        return "open311/docs";
    }

}
