package org.actionlearning.query.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled user's session or token stops working: the request goes on as nobody's (the sign-in form for a page,
 * 401 for the API) and their session is ended.
 */
class DisabledCallerFilter extends OncePerRequestFilter {

    private final DisabledUsers disabled;

    DisabledCallerFilter(DisabledUsers disabled) {
        this.disabled = disabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication caller && disabled.isDisabled(caller.getName())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
