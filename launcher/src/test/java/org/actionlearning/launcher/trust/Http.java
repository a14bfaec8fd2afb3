package org.actionlearning.launcher.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP requests whose whole answer (status, headers, body) the tests look at. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, HttpHeaders headers, String body) {

        boolean success() {
            return status / 100 == 2;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** For a failure message: the status and the start of the body. */
        String brief() {
            String text = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (text.length() > 240 ? text.substring(0, 240) + "..." : text);
        }
    }

    private Http() {
    }

    /**
     * @param authorization the whole Authorization header, or null
     * @param body          JSON, or null for none
     */
    static Answer send(String url, String method, String authorization, String body, Map<String, String> headers) {
        return send(CLIENT, url, method, authorization, body, headers);
    }

    /**
     * A browser on the pages: signed in once through the sign-in form (with its CSRF token), then sending the
     * session cookie, as people use the pages.
     */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager()).build();
        private final String baseUrl;

        Browser(String baseUrl, String username, String password) {
            this.baseUrl = baseUrl;
            Answer form = get("/login");
            Matcher csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token in the sign-in form: " + form.brief());
            }
            String fields = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            Answer signedIn = send(client, baseUrl + "/login", "POST", null, fields,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            String location = signedIn.header("Location");
            if (signedIn.status() != 302 || location == null || location.contains("error")) {
                throw new IllegalStateException("signing in as " + username + " on the pages: " + signedIn.brief()
                        + " Location: " + location);
            }
        }

        Answer get(String path) {
            return send(client, baseUrl + path, "GET", null, null, Map.of("Accept", "text/html"));
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private static Answer send(HttpClient client, String url, String method, String authorization, String body,
                               Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
