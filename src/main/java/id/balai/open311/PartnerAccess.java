package id.balai.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Who is writing: the partner whose API key a POST carries, within its limit (the spec's 400, 403; 429). */
@Component
class PartnerAccess {

    private final ApiKeys keys;
    private final PartnerRateLimits limits;

    PartnerAccess(ApiKeys keys, PartnerRateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    ApiKeys.Partner authorise(Open311Format f, HttpServletRequest request) {
        String key = param(request, "api_key");
        if (key == null) throw new Open311Exception(f, 400, "open311.error.key.missing");
        ApiKeys.Partner partner = keys.byKey(key).orElseThrow(() -> new Open311Exception(f, 403, "open311.error.key.invalid"));
        long wait = limits.secondsToWait(partner);
        if (wait > 0) throw new Open311Exception(f, 429, "open311.error.key.limit", partner.requestsPerMinute(), wait).retryAfter(wait);
        return partner;
    }

    /** A parameter's value; an empty one counts as not given, as the spec says. */
    static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
