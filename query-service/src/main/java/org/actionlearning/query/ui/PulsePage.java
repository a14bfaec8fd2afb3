package org.actionlearning.query.ui;

import java.util.List;
import java.util.UUID;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.safety.OwnPulse;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.actionlearning.query.read.set.SetQueries;
import org.actionlearning.service.security.CallerAuthentication;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The after-meeting pulse form, for an attendee on their own device: the page posts their answers to the command
 * API from the browser (as the meeting console does), so nothing of the answers passes through this service. It
 * shows the caller's own earlier answers, which only they may read.
 */
@Controller
class PulsePage {

    /** Edmondson's seven team psychological-safety items, in the published order, worded for a set. */
    static final List<String> ITEMS = List.of(
            "If you make a mistake in this set, it is often held against you.",
            "Members of this set are able to bring up problems and tough issues.",
            "People in this set sometimes reject others for being different.",
            "It is safe to take a risk in this set.",
            "It is difficult to ask other members of this set for help.",
            "No one in this set would deliberately act in a way that undermines my efforts.",
            "Working with members of this set, my unique skills and talents are valued and used.");

    /** The optional reaction items: request field and question. */
    record Reaction(String field, String question) {
    }

    static final List<Reaction> REACTION = List.of(
            new Reaction("usefulness", "How useful was this meeting to you?"),
            new Reaction("confidence", "How confident are you to act on what you take away?"),
            new Reaction("commitment", "How committed are you to the actions you take away?"));

    private final SetQueries sets;
    private final SafetyQueries safety;
    private final UiProperties properties;

    PulsePage(SetQueries sets, SafetyQueries safety, UiProperties properties) {
        this.sets = sets;
        this.safety = safety;
        this.properties = properties;
    }

    @GetMapping("/sets/{setId}/meetings/{meetingId}/pulse")
    String pulse(@PathVariable UUID setId, @PathVariable UUID meetingId, Model model) {
        UUID personId = Callers.current().person().orElse(null);
        if (personId == null || !Callers.current().isMemberOf(setId)) {
            throw new NotPermitted("the pulse is answered by the meeting's attendees, each for themself (MEMBER of set "
                    + setId + ")");
        }
        model.addAttribute("set", sets.roster(setId).set());
        model.addAttribute("heldOn", safety.heldOn(setId, meetingId));
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("items", ITEMS);
        model.addAttribute("reaction", REACTION);
        OwnPulse earlier;
        try {
            earlier = safety.own(setId, meetingId, personId);
        } catch (UnknownResource none) {
            earlier = null;
        }
        model.addAttribute("earlier", earlier);
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        return "pulse";
    }
}
