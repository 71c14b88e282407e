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
 * Applies account changes to sessions that are already open: a deactivated account is logged out at
 * its next request, and a changed role or scope counts at once, not at the next log-in. One read by
 * primary key per staff request.
 */
class StaffSessionCheck extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

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
            if (current.isPresent() && !current.get().enabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
                response.sendRedirect(request.getContextPath() + LoginRateLimiter.LOGIN_PATH);
                return;
            }
            if (current.isPresent() && !current.get().equals(signedIn)) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.get(), null,
                        current.get().getAuthorities()));
                SecurityContextHolder.setContext(context);
                if (request.getSession(false) != null) sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
