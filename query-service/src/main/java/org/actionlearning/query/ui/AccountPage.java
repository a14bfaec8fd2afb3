package org.actionlearning.query.ui;

import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every signed-in user's own account: changing their password with the current one. The form calls the identity
 * store (the command API) from the browser as the signed-in user; with an OpenID Connect provider there is no
 * password here to change, and the page says so.
 */
@Controller
class AccountPage {

    private final UiProperties properties;
    private final SecurityProperties security;

    AccountPage(UiProperties properties, SecurityProperties security) {
        this.properties = properties;
        this.security = security;
    }

    @GetMapping("/account/password")
    String password(Model model) {
        model.addAttribute("ownPasswords", security.issuesOwnTokens());
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        return "account-password";
    }
}
