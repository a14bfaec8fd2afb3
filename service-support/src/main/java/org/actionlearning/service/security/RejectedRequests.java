package org.actionlearning.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.actionlearning.service.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the firewall refuses (a bad header, a URL with a semicolon or a {@code //}) is a 400
 * problem saying why, naming the header where one is at fault.
 */
public final class RejectedRequests implements RequestRejectedHandler {

    private static ProblemDetail problem(RequestRejectedException e) {
        if (e instanceof HeaderFirewall.RejectedHeader header) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request", header.header() == null
                    ? "header" : "header " + header.header(), e.getMessage());
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, "Malformed request", null, e.getMessage());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        SecurityProblems.write(response, problem(e));
    }
}
