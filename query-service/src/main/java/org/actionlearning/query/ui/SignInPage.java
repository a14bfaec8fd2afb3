package org.actionlearning.query.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form of the pages (Spring Security handles its POST). */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
