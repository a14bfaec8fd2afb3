package org.actionlearning.query.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.actionlearning.events.programme.CostCategory;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.administration.AdministrationQueries;
import org.actionlearning.query.read.administration.ProgrammeDetail;
import org.actionlearning.query.read.administration.SetDetail;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages of an organisation's administrator: programmes (launch, costs, close), sets (form, members and their
 * access) and users. Each shows only the administrator's own organisations; the forms send their commands to the
 * command API from the browser (/js/admin.js), which checks every one of them again.
 */
@Controller
class AdminPages {

    private final ProgrammeQueries programmes;
    private final AdministrationQueries administration;
    private final ReadAccess access;
    private final UiProperties properties;
    private final Today today;

    AdminPages(ProgrammeQueries programmes, AdministrationQueries administration, ReadAccess access,
               UiProperties properties, Today today) {
        this.programmes = programmes;
        this.administration = administration;
        this.access = access;
        this.properties = properties;
        this.today = today;
    }

    /** One grant an administrator may give, as the users page offers it. */
    record GrantOption(String claim, String label) {
    }

    @GetMapping("/admin")
    String home(Model model) {
        access.requireAdministrator();
        Caller caller = Callers.current();
        List<ProgrammeSummary> own = ownProgrammes(caller);
        model.addAttribute("programmes", own);
        model.addAttribute("organisations", organisations(caller, own));
        model.addAttribute("platformAdmin", caller.isPlatformAdmin());
        commandApi(model);
        return "admin/home";
    }

    @GetMapping("/admin/programmes/{programmeId}")
    String programme(@PathVariable UUID programmeId, Model model) {
        access.requireAdministrator();
        access.requireProgrammeAdmin(programmeId);
        ProgrammeDetail programme = administration.programme(programmeId);
        model.addAttribute("programme", programme);
        model.addAttribute("categories", CostCategory.values());
        commandApi(model);
        return "admin/programme";
    }

    @GetMapping("/admin/sets/{setId}")
    String set(@PathVariable UUID setId, Model model) {
        access.requireAdministrator();
        access.requireSetAdministration(setId);
        SetDetail set = administration.set(setId);
        model.addAttribute("set", set);
        commandApi(model);
        return "admin/set";
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        access.requireAdministrator();
        Caller caller = Callers.current();
        List<ProgrammeSummary> own = ownProgrammes(caller);
        List<GrantOption> options = new ArrayList<>();
        for (String organisation : organisations(caller, own)) {
            options.add(new GrantOption("ADMIN:" + organisation, "Administrator of " + organisation));
        }
        for (ProgrammeSummary programme : own) {
            options.add(new GrantOption("SPONSOR:" + programme.programmeId(), "Sponsor of " + programme.name()));
            for (ProgrammeDetail.SetLine set : administration.programme(programme.programmeId()).sets()) {
                String where = set.name() + " (" + programme.name() + ")";
                options.add(new GrantOption("FACILITATOR:" + set.setId(), "Facilitator of " + where));
                options.add(new GrantOption("MEMBER:" + set.setId(), "Member of " + where));
            }
        }
        model.addAttribute("grantOptions", options);
        model.addAttribute("grantLabels", labels(options));
        commandApi(model);
        return "admin/users";
    }

    private static Map<String, String> labels(List<GrantOption> options) {
        Map<String, String> labels = new LinkedHashMap<>();
        options.forEach(option -> labels.put(option.claim(), option.label()));
        return labels;
    }

    private List<ProgrammeSummary> ownProgrammes(Caller caller) {
        return programmes.programmes().stream().filter(p -> caller.isAdminOf(p.organisation())).toList();
    }

    /**
     * The organisations the caller administers by name, and for an administrator of every organisation those of
     * the programmes there are (they may name a new one on the launch form).
     */
    private static Set<String> organisations(Caller caller, List<ProgrammeSummary> own) {
        Set<String> organisations = new TreeSet<>();
        caller.grants().stream().filter(g -> g.role() == Role.ADMIN && !g.scope().equals(Grant.EVERYWHERE))
                .forEach(g -> organisations.add(g.scope()));
        if (caller.isPlatformAdmin()) {
            // a programme launched under "*" before that name was refused must not offer the operators' scope
            own.stream().map(ProgrammeSummary::organisation).filter(o -> !o.equals(Grant.EVERYWHERE))
                    .forEach(organisations::add);
        }
        return organisations;
    }

    /** The forms call the command API from the browser as the signed-in administrator, as the console does. */
    private void commandApi(Model model) {
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        model.addAttribute("today", today.date());
    }
}
