package org.actionlearning.query.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a one-time set-password link leads (no sign-in: the link is the proof). The form sends the token and the
 * new password to the identity store (the command API), which applies the password rules and uses the link up.
 */
@Controller
class SetPasswordPage {

    private final UiProperties properties;

    SetPasswordPage(UiProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/set-password")
    String setPassword(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        return "set-password";
    }
}
