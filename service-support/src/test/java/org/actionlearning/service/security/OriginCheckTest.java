package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** Which state-changing requests the origin check lets through, on a service at http://localhost:8081. */
class OriginCheckTest {

    private static final String CONSOLE = "http://localhost:8082";

    private final OriginCheck check = new OriginCheck(consoleAllowed());

    @Test
    void aPostFromAnotherSiteIsRefusedWithAProblem() throws Exception {
        MockHttpServletResponse response = post("Origin", "http://evil.example");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("not from http://evil.example");
    }

    @Test
    void theServicesOwnOriginAndTheAllowedOnesPass() throws Exception {
        assertThat(post("Origin", "http://localhost:8081").getStatus()).isEqualTo(200);
        assertThat(post("Origin", "http://LOCALHOST:8081").getStatus()).isEqualTo(200);
        assertThat(post("Origin", CONSOLE).getStatus()).isEqualTo(200);
    }

    @Test
    void anotherPortOrSchemeOfTheSameHostIsAnotherOrigin() throws Exception {
        assertThat(post("Origin", "http://localhost:9999").getStatus()).isEqualTo(403);
        assertThat(post("Origin", "https://localhost:8081").getStatus()).isEqualTo(403);
        assertThat(post("Origin", "null").getStatus()).isEqualTo(403);
    }

    @Test
    void withoutAnOriginOnlyACrossSiteFetchIsRefused() throws Exception {
        assertThat(post(null, null).getStatus()).isEqualTo(200);                       // a script, a service
        assertThat(post("Sec-Fetch-Site", "same-origin").getStatus()).isEqualTo(200);
        assertThat(post("Sec-Fetch-Site", "cross-site").getStatus()).isEqualTo(403);
        assertThat(post("Sec-Fetch-Site", "same-site").getStatus()).isEqualTo(403);
    }

    @Test
    void readsAreNotChecked() throws Exception {
        MockHttpServletRequest request = request("GET");
        request.addHeader("Origin", "http://evil.example");

        assertThat(run(request).getStatus()).isEqualTo(200);
    }

    @Test
    void withoutACorsConfigurationOnlyTheOwnOriginPasses() throws Exception {
        MockHttpServletRequest request = request("DELETE");
        request.addHeader("Origin", CONSOLE);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new OriginCheck(null).doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse post(String header, String value) throws ServletException, IOException {
        MockHttpServletRequest request = request("POST");
        if (header != null) {
            request.addHeader(header, value);
        }
        return run(request);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        check.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/programmes");
        request.setScheme("http");
        request.setServerName("localhost");
        request.setServerPort(8081);
        return request;
    }

    private static UrlBasedCorsConfigurationSource consoleAllowed() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(CONSOLE));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }
}
