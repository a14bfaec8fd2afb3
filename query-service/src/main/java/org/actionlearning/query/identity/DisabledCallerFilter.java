package org.actionlearning.query.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled user's session or token stops working, and so does one from before their last disable or password
 * change: their session
 * is ended and the request goes on as nobody's (401 problem+json for a token or password). A page session so ended
 * sends the browser to the sign-in form with a message instead, where {@code signedOutPage} is given (the pages).
 * A caller whose account lost a grant after their token was issued goes on without it.
 */
class DisabledCallerFilter extends OncePerRequestFilter {

    /** Where a page session ended by a disable is sent: the sign-in form, saying why. */
    static final String SIGNED_OUT_PAGE = "/login?disabled";
    /** Where a page session from before the account's password was changed (or its last disable) is sent. */
    static final String SESSION_ENDED_PAGE = "/login?ended";

    private final DisabledUsers disabled;
    private final String signedOutPage;

    DisabledCallerFilter(DisabledUsers disabled) {
        this(disabled, null);
    }

    DisabledCallerFilter(DisabledUsers disabled, String signedOutPage) {
        this.disabled = disabled;
        this.signedOutPage = signedOutPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean disabledNow = authentication instanceof CallerAuthentication caller
                && disabled.isDisabled(caller.getName());
        if (authentication instanceof CallerAuthentication caller && (disabledNow || disabled.isRevoked(caller))) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            boolean pageSession = session != null && heldBy(session, caller);
            if (session != null) {
                session.invalidate();
            }
            if (pageSession && signedOutPage != null) {
                response.sendRedirect(request.getContextPath() + (disabledNow ? signedOutPage : SESSION_ENDED_PAGE));
                return;
            }
        } else if (authentication instanceof CallerAuthentication caller) {
            CallerAuthentication current = disabled.withoutRevoked(caller);
            if (current != caller) {
                // for this request only: the session keeps what it held, and loses it again on each request
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(current);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the caller came from the session (a page session), not from a token or password on the request. */
    private static boolean heldBy(HttpSession session, CallerAuthentication caller) {
        Object held = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return held instanceof SecurityContext context && context.getAuthentication() == caller;
    }
}
