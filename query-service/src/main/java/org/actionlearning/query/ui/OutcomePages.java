package org.actionlearning.query.ui;

import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.outcome.OutcomeRegisterQueries;
import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The administrator's page for a programme's outcomes: define metrics, record baseline and follow-up values one by
 * one or from a CSV file, and enter participants' attribution estimates. The forms call the command API from the
 * browser (as the meeting console does); this page only reads.
 */
@Controller
class OutcomePages {

    private final OutcomeRegisterQueries register;
    private final ProgrammeLookup lookup;
    private final UiProperties properties;
    private final Today today;
    private final ReadAccess access;

    OutcomePages(OutcomeRegisterQueries register, ProgrammeLookup lookup, UiProperties properties, Today today,
                 ReadAccess access) {
        this.register = register;
        this.lookup = lookup;
        this.properties = properties;
        this.today = today;
        this.access = access;
    }

    @GetMapping("/programmes/{programmeId}/outcomes")
    String outcomes(@PathVariable UUID programmeId, Model model) {
        access.requireProgrammeAdmin(programmeId);
        model.addAttribute("programme", lookup.summary(programmeId));
        model.addAttribute("metrics", register.ofProgramme(programmeId));
        model.addAttribute("today", today.date());
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        return "outcomes";
    }
}
