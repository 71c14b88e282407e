package id.balai.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies account changes to sessions that are already open. A session remembers the account's
 * security version it logged in with ({@link StaffPrincipal#securityVersion()}); once an admin has reset
 * the password, deactivated the account or changed its role or scope, the number in the database has
 * moved on and the session is ended at its next request, which is sent to the log-in page. Other changes
 * (name, e-mail, OPD head) count at once, without a new log-in. One read by primary key per staff request.
 */
class StaffSessionCheck extends OncePerRequestFilter {

    private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final StaffAccounts accounts;

    StaffSessionCheck(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal signedIn) {
            Optional<StaffPrincipal> current = accounts.byId(signedIn.id());
            // Accounts are never deleted, only deactivated; a principal without a row (tests' stand-ins)
            // is left to the authorisation rules.
            if (current.isPresent() && (!current.get().enabled() || current.get().securityVersion() != signedIn.securityVersion())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
                response.sendRedirect(request.getContextPath() + LoginRateLimiter.LOGIN_PATH);
                return;
            }
            if (current.isPresent() && !current.get().equals(signedIn)) keepSignedIn(request, response, current.get());
        }
        chain.doFilter(request, response);
    }

    /**
     * Makes {@code account}, as read now, the principal of this request and of its session: the staff
     * member's own change (a new password set by themselves) keeps the session they made it in, while
     * their other sessions end.
     */
    static void keepSignedIn(HttpServletRequest request, HttpServletResponse response, StaffPrincipal account) {
        StaffPrincipal safe = account.withoutSecret();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(safe, null, safe.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) SESSIONS.saveContext(context, request, response);
    }
}
