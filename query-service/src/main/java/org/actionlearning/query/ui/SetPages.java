package org.actionlearning.query.ui;

import java.time.LocalDate;
import java.util.UUID;
import org.actionlearning.query.access.ReadAccess;
import org.actionlearning.query.read.fairness.FairnessQueries;
import org.actionlearning.query.read.meeting.MeetingQueries;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.actionlearning.query.read.set.Roster;
import org.actionlearning.query.read.set.SetQueries;
import org.actionlearning.query.read.set.SetRecordQueries;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.ui.UiProperties.FairnessThresholds;
import org.actionlearning.service.security.CallerAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A set's pages for its facilitator: the fairness audit and the meeting console. */
@Controller
class SetPages {

    /** The console's default due date for an action: two weeks, a common interval between set meetings. */
    private static final int DEFAULT_DAYS_TO_DUE = 14;

    private final FairnessQueries fairness;
    private final SetQueries sets;
    private final UiProperties properties;
    private final Numbers numbers;
    private final Today today;
    private final ReadAccess access;
    private final SafetyQueries safety;
    private final MeetingQueries meetings;
    private final SetRecordQueries records;

    SetPages(FairnessQueries fairness, SetQueries sets, UiProperties properties, Numbers numbers, Today today,
             ReadAccess access, SafetyQueries safety, MeetingQueries meetings, SetRecordQueries records) {
        this.access = access;
        this.safety = safety;
        this.meetings = meetings;
        this.records = records;
        this.fairness = fairness;
        this.sets = sets;
        this.properties = properties;
        this.numbers = numbers;
        this.today = today;
    }

    /** The thresholds default to {@code als.ui.fairness.*}; the page's form overrides them for one look. */
    @GetMapping("/sets/{setId}/fairness")
    String fairness(@PathVariable UUID setId, PastView view,
                    @RequestParam(required = false) Double dominance,
                    @RequestParam(required = false) Double questionFocus,
                    @RequestParam(required = false) Boolean flagSilent,
                    Model model) {
        access.requireSetContent(setId, "fairness page");
        FairnessThresholds defaults = properties.fairness();
        FairnessThresholds thresholds = new FairnessThresholds(
                dominance != null ? dominance : defaults.dominance(),
                flagSilent != null ? flagSilent : defaults.flagSilent(),
                questionFocus != null ? questionFocus : defaults.questionFocus());
        Roster roster = sets.roster(setId);
        model.addAttribute("set", roster.set());
        var setFairness = fairness.fairness(setId, view);
        model.addAttribute("audit", FairnessAudit.of(setFairness, thresholds, numbers));
        model.addAttribute("trend", FairnessTrend.of(setFairness));
        model.addAttribute("safety", safety.ofSet(setId, view));
        model.addAttribute("asOf", view.asOf());
        model.addAttribute("recordedByInput", PageInstant.inputValue(view.recordedBy()));
        return "fairness";
    }

    @GetMapping("/sets/{setId}/console")
    String console(@PathVariable UUID setId, Model model) {
        access.requireFacilitator(setId);
        LocalDate date = today.date();
        Roster roster = sets.roster(setId);
        model.addAttribute("set", roster.set());
        model.addAttribute("members", roster.members());
        model.addAttribute("commandApiUrl", properties.commandApiUrl());
        // the console calls the command API from the browser as the signed-in facilitator
        model.addAttribute("commandApiToken", SecurityContextHolder.getContext().getAuthentication()
                instanceof CallerAuthentication c ? c.bearerToken().orElse("") : "");
        model.addAttribute("today", date);
        model.addAttribute("defaultDueOn", date.plusDays(DEFAULT_DAYS_TO_DUE));
        model.addAttribute("scheduled", meetings.scheduled(setId));
        return "console";
    }

    /** The set's confidential record, meeting by meeting: for its facilitator and members (audited read). */
    @GetMapping("/sets/{setId}/record")
    String record(@PathVariable UUID setId, PastView view, Model model) {
        access.requireSetContent(setId, "record page");
        model.addAttribute("record", records.record(setId, view));
        model.addAttribute("asOf", view.asOf());
        model.addAttribute("recordedByInput", PageInstant.inputValue(view.recordedBy()));
        return "record";
    }
}
