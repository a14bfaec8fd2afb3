package org.actionlearning.query.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a one-time set-password link leads (no sign-in: the link is the proof). The page first asks the identity
 * store (the command service) whether the link works and for which account: a link used up or expired says so
 * instead of showing a form that can only fail, and a working one names the account. The form sends the token and
 * the new password to the command API, which applies the password rules and uses the link up.
 */
@Controller
class SetPasswordPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UiProperties properties;
    private final URI check;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SetPasswordPage(UiProperties properties, SecurityProperties security) {
        this.properties = properties;
        this.check = URI.create(security.identityUrl().replaceAll("/+$", "") + "/api/auth/set-password/check");
    }

    @GetMapping("/set-password")
    String setPassword(@RequestParam(required = false) String token, Model model) {
        Link link = token == null || token.isBlank() ? Link.NOT_WORKING : check(token);
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("linkWorks", link != Link.NOT_WORKING);
        model.addAttribute("account", link.username().orElse(null));
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        return "set-password";
    }

    /** A link that works (for the account named), that does not, or one that could not be checked now. */
    private record Link(Optional<String> username) {
        static final Link NOT_WORKING = new Link(Optional.empty());
        static final Link UNCHECKED = new Link(Optional.empty());
    }

    private Link check(String token) {
        JsonNode body = JsonNodeFactory.instance.objectNode().put("token", token);
        HttpRequest request = HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 400) {
                return Link.NOT_WORKING;
            }
            if (answer.statusCode() != 200) {
                return Link.UNCHECKED; // the form still works: its answer will say if the link does not
            }
            return new Link(Optional.of(JSON.readTree(answer.body()).path("username").asText()));
        } catch (IOException e) {
            return Link.UNCHECKED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Link.UNCHECKED;
        }
    }
}
