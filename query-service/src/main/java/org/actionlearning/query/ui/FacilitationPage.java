package org.actionlearning.query.ui;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.query.read.facilitation.FacilitationQueries;
import org.actionlearning.query.read.facilitation.OrganisationAggregate;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Facilitator effectiveness: a facilitator sees their own sets' trends; an administrator sees their organisations'
 * facilitation in aggregate, with no set or facilitator named. Sponsors have no way here.
 */
@Controller
class FacilitationPage {

    private final FacilitationQueries facilitation;

    FacilitationPage(FacilitationQueries facilitation) {
        this.facilitation = facilitation;
    }

    @GetMapping("/facilitation")
    String facilitation(Model model) {
        Caller caller = Callers.current();
        Set<UUID> own = caller.scopesOf(Role.FACILITATOR);
        List<String> adminScopes = caller.grants().stream().filter(g -> g.role() == Role.ADMIN).map(Grant::scope)
                .toList();
        if (own.isEmpty() && adminScopes.isEmpty()) {
            throw new NotPermitted("facilitator effectiveness is for facilitators and the organisation's "
                    + "administrators");
        }
        model.addAttribute("own", own.isEmpty() ? null : facilitation.ofSets(own));
        List<OrganisationAggregate> organisations = facilitation.organisations(adminScopes).stream()
                .map(facilitation::ofOrganisation).toList();
        model.addAttribute("organisations", organisations);
        return "facilitation";
    }
}
