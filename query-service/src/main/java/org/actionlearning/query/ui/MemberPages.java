package org.actionlearning.query.ui;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.member.MemberQueries;
import org.actionlearning.query.read.member.MyAction;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A set member's own pages: their actions (reported on from the page, through the command API as the member) and
 * their participation. Each shows the signed-in person only; an account that is no person in the sets gets 403.
 */
@Controller
class MemberPages {

    private final MemberQueries members;
    private final ReadAccess access;
    private final UiProperties properties;
    private final Today today;

    MemberPages(MemberQueries members, ReadAccess access, UiProperties properties, Today today) {
        this.members = members;
        this.access = access;
        this.properties = properties;
        this.today = today;
    }

    @GetMapping("/me/actions")
    String actions(Model model) {
        UUID personId = person();
        access.requireSelf(personId, "actions");
        List<MyAction> actions = members.actionsOf(personId, today.date());
        model.addAttribute("actions", actions);
        model.addAttribute("reminders", actions.stream().filter(a -> a.reminder() != null).toList());
        model.addAttribute("reminderDays", MemberQueries.REMINDER_DAYS);
        model.addAttribute("today", today.date());
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        // the page calls the command API from the browser as the signed-in member
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        return "my-actions";
    }

    /**
     * The member's own attribution estimates: for each outcome metric of their programmes, how much of its change
     * they put down to the programme and how sure they are, given once from a short form (as themself).
     */
    @GetMapping("/me/estimates")
    String estimates(Model model) {
        UUID personId = person();
        access.requireSelf(personId, "attribution estimates");
        model.addAttribute("estimates", members.estimatesOf(personId));
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        return "my-estimates";
    }

    @GetMapping("/me/participation")
    String participation(Model model) {
        UUID personId = person();
        access.requireSelf(personId, "participation figures");
        model.addAttribute("participation", members.participationOf(personId));
        return "my-participation";
    }

    private static UUID person() {
        return Callers.current().person().orElseThrow(() -> new NotPermitted(
                "these pages are for members of a set: this account is no person in the sets"));
    }
}
