package id.balai.webhooks;

import id.balai.identity.StaffPrincipal;
import id.balai.platform.BalaiProperties;
import id.balai.platform.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/webhook} (city admin only, as all of {@code /admin/**}): partners' subscriptions, made,
 * paused, resumed, deleted and given a new secret here, and each one's delivery log with a re-send for
 * failed deliveries. A secret is shown once, on the page that answers its creation or rotation (never
 * through a redirect URL). Every change is in the admin audit trail. Actions carry the version the page
 * showed, so a page left open while another admin changed the subscription acts on nothing.
 */
@Controller
class WebhookAdminController {

    static final String BASE = "/admin/webhook";
    static final int LOG_LINES = 50;

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final BalaiProperties properties;
    private final Clock clock;

    WebhookAdminController(Subscriptions subscriptions, Deliveries deliveries, BalaiProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(Model model, HttpServletResponse response) {
        noStoreWithSecret(model, response);
        return page(model, "", "", Set.of(), List.of());
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal StaffPrincipal admin, @RequestParam(defaultValue = "") String partner,
            @RequestParam(defaultValue = "") String url, @RequestParam(name = "events", required = false) List<String> events, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        if (events != null) events.forEach(e -> EventKind.ofType(e).ifPresent(kinds::add));
        List<FieldProblem> problems = subscriptions.problems(partner, url, kinds);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(model, partner, url, kinds, problems);
        }
        Subscriptions.Created created = subscriptions.create(partner, url, kinds, admin.id());
        // post, redirect, get: reloading the page cannot make a second subscription
        return showSecretOnce(redirect, created.secret(), "webhook.flash.created", BASE);
    }

    @GetMapping(BASE + "/{id}")
    String log(@PathVariable long id, Model model, HttpServletResponse response) {
        noStoreWithSecret(model, response);
        Subscriptions.Subscription subscription = subscriptions.byId(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND));
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", deliveries.recent(id, LOG_LINES));
        model.addAttribute("logLines", LOG_LINES);
        model.addAttribute("zone", properties.timeZone());
        return "admin/webhooks-log";
    }

    @PostMapping(BASE + "/{id}/jeda")
    String pause(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return done(subscriptions.setActive(id, version, false), "webhook.flash.paused", redirect, BASE);
    }

    @PostMapping(BASE + "/{id}/lanjutkan")
    String resume(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return done(subscriptions.setActive(id, version, true), "webhook.flash.resumed", redirect, BASE);
    }

    @PostMapping(BASE + "/{id}/hapus")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return done(subscriptions.delete(id, version), "webhook.flash.deleted", redirect, BASE);
    }

    @PostMapping(BASE + "/{id}/kunci")
    String rotate(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        Optional<String> secret = subscriptions.rotateSecret(id, version);
        if (secret.isEmpty()) return done(false, null, redirect, BASE);
        return showSecretOnce(redirect, secret.get(), "webhook.flash.rotated", BASE + "/" + id);
    }

    @PostMapping(BASE + "/{id}/kiriman/{deliveryId}/ulang")
    String resend(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
        boolean resent = deliveries.resend(id, deliveryId, clock.instant());
        if (resent) redirect.addFlashAttribute("flash", "webhook.flash.resent");
        else redirect.addFlashAttribute("flashError", "webhook.error.not-failed");
        return "redirect:" + BASE + "/" + id;
    }

    private static String done(boolean changed, String flash, RedirectAttributes redirect, String to) {
        if (changed) redirect.addFlashAttribute("flash", flash);
        else redirect.addFlashAttribute("flashError", "webhook.error.stale");
        return "redirect:" + to;
    }

    /** The secret goes to the next page only (a flash attribute), which no cache may keep. */
    private static String showSecretOnce(RedirectAttributes redirect, String secret, String flash, String to) {
        redirect.addFlashAttribute("secret", secret);
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + to;
    }

    private static void noStoreWithSecret(Model model, HttpServletResponse response) {
        if (model.containsAttribute("secret")) response.setHeader("Cache-Control", "no-store");
    }

    private String page(Model model, String partner, String url, Set<EventKind> kinds, List<FieldProblem> problems) {
        model.addAttribute("subscriptions", subscriptions.all());
        model.addAttribute("partner", partner);
        model.addAttribute("url", url);
        model.addAttribute("chosen", kinds.stream().map(EventKind::type).toList());
        model.addAttribute("kinds", List.of(EventKind.values()));
        model.addAttribute("problems", problems);
        model.addAttribute("zone", properties.timeZone());
        return "admin/webhooks";
    }
}
