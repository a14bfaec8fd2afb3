package org.actionlearning.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Header names and values are checked through Tomcat as Spring Security's strict firewall checks them: a C1 control
 * character (which Tomcat lets through, as ISO-8859-1 "obs-text") is a 400 problem and stores nothing; a Latin-1
 * letter is accepted. Before the firewall checked them on arrival, the first was an unexpected 500. Cookies are not
 * checked (the API reads none). Sent over a raw socket, as Java's HTTP client refuses to send such headers at all.
 */
class HeaderCharactersTest extends CommandServiceTest {

    private static final String LAUNCH = "{\"organisation\":\"Org\",\"name\":\"Headers\",\"sponsor\":\"Sam\","
            + "\"startsOn\":\"2026-01-05\",\"currency\":\"GBP\"}";

    @Test
    void aControlCharacterInAHeaderValueIsA400ProblemAndStoresNothing() throws IOException {
        long before = storedEvents();
        String answer = launchWithHeader("X-Note: a\u0085b");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json")
                .contains("\"title\":\"Malformed request\"")
                .containsIgnoringCase("\"field\":\"header x-note\"")
                .doesNotContain("\u0085");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aControlCharacterInAHeaderNameIsA400Problem() throws IOException {
        long before = storedEvents();
        String answer = launchWithHeader("X-\u0085Note: ab");
        assertThat(answer).startsWith("HTTP/1.1 400"); // Tomcat's own refusal: names are tokens of ASCII
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aLatinOneLetterInAHeaderValueIsAccepted() throws IOException {
        long before = storedEvents();
        String answer = launchWithHeader("X-Note: caf\u00e9\tau lait");
        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    /**
     * Browsers send every cookie of the host name; the API reads none, so another application's do not matter (here
     * a euro sign as UTF-8, which Tomcat reads as Latin-1: its middle byte is the C1 control 0x82).
     */
    @Test
    void aCookieWithAControlCharacterIsNotThisApisToRefuse() throws IOException {
        String answer = launchWithHeader("Cookie: other-app=\u00e2\u0082\u00ac");
        assertThat(answer).startsWith("HTTP/1.1 201");
    }

    /** POST /api/programmes with one extra header line, its characters sent as ISO-8859-1 bytes. */
    private String launchWithHeader(String headerLine) throws IOException {
        byte[] body = LAUNCH.getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/programmes HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: " + TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + headerLine + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
