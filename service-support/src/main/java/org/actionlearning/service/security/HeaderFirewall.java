package org.actionlearning.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its header rule applied once, as the request comes in, by a loop over the
 * characters, instead of by a regular expression every time a header is read: Spring MVC reads a request's headers
 * several times on the way to a controller, and those checks showed up in the command service's CPU profile under
 * load (BENCHMARKS.md). The rule is the strict firewall's own ({@link FirewallCharacters}). Checked on
 * arrival, it also covers headers nothing reads, except {@code Cookie}: the API signs callers in by header, never by
 * cookie, and a browser sends the cookies of every other application on the same host name.
 * <p>
 * Checked here, a bad header is refused by {@link RejectedRequests} as a 400 problem naming it. Checked lazily, as
 * before, one first read by Spring MVC's message converters failed inside the controller's call and was answered as
 * an unexpected 500.
 */
public class HeaderFirewall extends StrictHttpFirewall {

    private static final String COOKIE = "Cookie";

    public HeaderFirewall() {
        setAllowedHeaderNames(name -> true); // checked once in getFirewalledRequest
        setAllowedHeaderValues(value -> true);
        setAllowedParameterNames(FirewallCharacters::assignedAndNotControl);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        FirewalledRequest firewalled = super.getFirewalledRequest(request);
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            if (!FirewallCharacters.assignedAndNotControl(name)) {
                throw new RejectedHeader(null);
            }
            if (COOKIE.equalsIgnoreCase(name)) {
                continue; // read by nothing here, and set by whatever else runs on the host: not this API's to refuse
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                if (!FirewallCharacters.headerValue(values.nextElement())) {
                    throw new RejectedHeader(name);
                }
            }
        }
        return firewalled;
    }

    /** A header with a control character or an unassigned one: its name, or null when the name itself is bad. */
    public static final class RejectedHeader extends RequestRejectedException {
        private final String header;

        RejectedHeader(String header) {
            // the offending value is not repeated: it may hold anything, and messages are logged
            super(header == null ? "a header name holds a control character or an unassigned one"
                    : "the value holds a control character or an unassigned one");
            this.header = header;
        }

        /** The header's name, or null when the name itself was refused. */
        public String header() {
            return header;
        }
    }
}
