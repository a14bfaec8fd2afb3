package org.actionlearning.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.SecurityProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit before anything parses it (Jackson would otherwise build a tree of
 * whatever size a caller sends): a 413 problem naming the body. A declared length is judged at once; a chunked body
 * (no length) is read up to the limit and passed on from memory, or refused as soon as it passes the limit.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final String FIELD = "body";
    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response);
            return;
        }
        if (declared < 0 && isChunked(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    public static ProblemDetail tooLarge(long maxBytes) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", FIELD,
                "larger than the limit of " + maxBytes + " bytes");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // Tomcat drains what is left of the body (up to server.tomcat.max-swallow-size), then closes the connection
        SecurityProblems.write(response, tooLarge(maxBytes));
    }

    private static boolean isChunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }
}
