package org.actionlearning.launcher.demo;

import static org.actionlearning.events.outcome.Direction.DECREASE;
import static org.actionlearning.events.outcome.Direction.INCREASE;
import static org.actionlearning.events.outcome.Period.MONTH;
import static org.actionlearning.events.outcome.Period.WEEK;
import static org.actionlearning.events.programme.CostCategory.FACILITATION;
import static org.actionlearning.events.programme.CostCategory.MATERIALS;
import static org.actionlearning.events.programme.CostCategory.OTHER;
import static org.actionlearning.events.programme.CostCategory.PARTICIPANT_TIME;
import static org.actionlearning.events.programme.CostCategory.TRAVEL;
import static org.actionlearning.events.programme.CostCategory.VENUE;

import java.util.List;

/**
 * The three case studies of the programme's source article, as the demo data: a hospital cutting discharge
 * delays, a bank developing its managers, a manufacturer saving energy. The people and organisations are
 * invented; the shape of the numbers is the article's (15% fewer discharge delays within three months,
 * engagement improved significantly over six months, 10% less energy within six months).
 *
 * <p>Every programme has completed, late, abandoned and overdue actions, costs in several categories and
 * attribution estimates. In the hospital's set the consultant dominates the first meetings and the social
 * worker never speaks, so the fairness audit has something to find.
 */
public final class CaseStudies {

    private CaseStudies() {
    }

    /** The three programmes, in loading order. */
    public static List<DemoProgramme> all() {
        return List.of(healthcare(), financialServices(), manufacturing());
    }

    /** Delayed discharges caused by communication gaps between departments; 15% fewer within three months. */
    public static DemoProgramme healthcare() {
        return DemoProgramme.builder("healthcare")
                .organisation("Northbrook General Hospital NHS Trust")
                .name("Safer, Faster Discharge")
                .sponsor("Dr Helen Marsh, Chief Nursing Officer")
                .startsOn("2026-01-05")
                .currency("GBP")
                .set("Discharge Flow Set", "Margaret Ellison", set -> set
                        .member("aisha", "Aisha Okafor", "Ward Sister, Elm Ward")
                        .member("richard", "Dr Richard Hale", "Consultant Physician, Acute Medicine")
                        .member("priya", "Priya Nair", "Lead Pharmacist, Inpatient Services")
                        .member("tom", "Tom Whitaker", "Discharge Coordinator")
                        .member("grace", "Grace Mensah", "Senior Occupational Therapist")
                        .member("joseph", "Joseph Adeyemi", "Social Worker, Integrated Discharge Team")

                        .meeting("2026-01-20", m -> m
                                .challenge("aisha", "Medically fit patients still on Elm Ward at 4 pm",
                                        "Most days three or four patients declared medically fit at the morning board"
                                                + " round are still on the ward at 4 pm. The delay sits between the ward,"
                                                + " pharmacy, transport and social care, and no one owns the whole"
                                                + " journey.", c -> c
                                        .closed("richard", "Are the TTOs written the day before discharge?")
                                        .open("grace", "What would success look like for the ward sister?")
                                        .answer("aisha", "Every patient who is fit at nine is home, or in the discharge"
                                                + " lounge, by midday, and my nurses are not chasing four departments"
                                                + " on the phone.")
                                        .closed("richard", "Have you raised this with the divisional director?")
                                        .open("priya", "What happens between the decision to discharge and the"
                                                + " prescription reaching pharmacy?")
                                        .advice("richard", "You should get the juniors to write every TTO the evening"
                                                + " before. That fixed it on my last ward.")
                                        .open("richard", "Why do you think the board round decisions don't reach the"
                                                + " other teams until after lunch?")
                                        .open("tom", "Who else feels it when a discharge slips to the next day?")
                                        .closed("richard", "Is there a discharge lounge slot booked for these patients?")
                                        .advice("richard", "Put a discharge checklist at the end of every bed.")
                                        .open("richard", "What have you already tried, and what did you learn from it?")
                                        .answer("aisha", "We tried evening TTOs last autumn. It lasted two weeks,"
                                                + " because plans change overnight and pharmacy ended up re-doing half"
                                                + " of them.")
                                        .action("Shadow one discharge a day for a week, from board round to front door,"
                                                + " and map every hand-off", "2026-02-03", a -> a
                                                .progress("2026-01-27", 60, "Four journeys mapped; the longest wait is"
                                                        + " for TTOs")
                                                .completed("2026-02-02", "Hand-off map of 23 steps, 9 of them between"
                                                        + " departments, shared with the set"))
                                        .action("Agree with pharmacy a cut-off time for the TTOs of patients flagged at"
                                                + " the board round", "2026-02-06", a -> a
                                                .completed("2026-02-20", "11:00 cut-off agreed with the dispensary,"
                                                        + " live from 23 February")))
                                .writtenReflection("grace", "I noticed how quickly we jumped to fixes before we"
                                        + " understood the journey.")
                                .writtenReflection("aisha", "Saying out loud what success looks like made it feel"
                                        + " smaller and more doable."))

                        .meeting("2026-02-10", m -> m
                                .challenge("tom", "Transport booked too late in the day",
                                        "Patient transport is booked once the discharge letter is finished, usually"
                                                + " after 2 pm, when the afternoon crews are already committed. Patients"
                                                + " ready at noon wait for an evening slot or stay another night.", c -> c
                                        .closed("richard", "Is the booking system online or still by phone?")
                                        .answer("tom", "Online, but the wards mostly phone because they want a time"
                                                + " confirmed.")
                                        .open("richard", "What stops the ward booking transport at the board round?")
                                        .open("aisha", "How does the transport desk find out that a patient is likely"
                                                + " to go home tomorrow?")
                                        .closed("richard", "Could the discharge lounge take them earlier in the day?")
                                        .advice("richard", "Make the transport booking a field on the board round"
                                                + " template; then nobody can forget it.")
                                        .open("grace", "What would change for your crews if most bookings came in"
                                                + " before noon?")
                                        .open("richard", "Which wards get it right, and what do they do differently?")
                                        .open("priya", "What do you need from the rest of us that you are not getting"
                                                + " today?")
                                        .answer("tom", "A provisional booking I can firm up later, instead of a"
                                                + " certain one that arrives too late.")
                                        .advice("richard", "Get the ambulance contractor to add a fourth afternoon"
                                                + " crew.")
                                        .action("Pilot provisional transport bookings at the 10 am board round on Elm"
                                                + " Ward for two weeks", "2026-02-27", a -> a
                                                .progress("2026-02-18", 50, "Eight provisional bookings, six confirmed")
                                                .completed("2026-02-27", "82% of Elm Ward bookings now made before"
                                                        + " noon"))
                                        .action("Get read-only access to the transport contractor's booking screen for"
                                                + " the wards", "2026-03-06", a -> a
                                                .abandoned("2026-03-20", "The contractor's system cannot give ward-level"
                                                        + " access this financial year; revisit at contract renewal")))
                                .writtenReflection("tom", "Being asked what I need, rather than told what to do,"
                                        + " changed how I saw the problem."))

                        .meeting("2026-03-03", m -> m
                                .absent("grace")
                                .challenge("priya", "Discharge prescriptions reach the dispensary after 2 pm",
                                        "Even with the 11:00 cut-off, half the TTOs for Elm Ward reach the dispensary"
                                                + " after 2 pm, in batches of five or six. The dispensary cannot screen"
                                                + " them in time for the afternoon transport.", c -> c
                                        .open("richard", "What share of the late TTOs could have been written at the"
                                                + " morning board round?")
                                        .open("aisha", "What happens in the dispensary when six TTOs arrive at once?")
                                        .answer("priya", "They join the queue behind the outpatient scripts; the oldest"
                                                + " waits about three hours.")
                                        .closed("richard", "Is there a ward pharmacist on Elm Ward in the mornings?")
                                        .open("tom", "What would a good day look like for your dispensary team?")
                                        .advice("richard", "Put a pharmacist on the ward to screen at the bedside; the"
                                                + " screening is the bottleneck, not the dispensing.")
                                        .closed("richard", "Is the 11:00 cut-off actually holding?")
                                        .advice("tom", "You could message the transport desk when a TTO is done, so we"
                                                + " can firm up the booking.")
                                        .reflect("priya", "I came in thinking this was a staffing problem. It sounds"
                                                + " more like a batching problem.")
                                        .action("Trial a ward pharmacist screening TTOs on Elm Ward every morning for"
                                                + " four weeks", "2026-03-31", a -> a
                                                .progress("2026-03-17", 50, "Two weeks done; median TTO turnaround"
                                                        + " down from 3h10 to 1h40")
                                                .completed("2026-04-10", "Four-week trial finished; business case for a"
                                                        + " permanent ward pharmacist submitted"))
                                        .action("Publish daily TTO turnaround times on each ward's huddle board",
                                                "2026-04-14", a -> a
                                                .progress("2026-04-14", 40, "Data extract agreed with informatics;"
                                                        + " board design drafted"))))

                        .meeting("2026-03-24", m -> m
                                .challenge("grace", "Frail patients waiting for home assessments",
                                        "Frail patients who are medically fit wait on average four days for an"
                                                + " occupational therapy home visit, and most visits find nothing that"
                                                + " could not have been done after discharge.", c -> c
                                        .open("aisha", "What tells you that a patient really needs the visit before"
                                                + " they go home?")
                                        .open("priya", "Who decides that a home assessment is needed, and on what"
                                                + " information?")
                                        .answer("grace", "Usually the ward requests it by default for anyone over 80"
                                                + " with a fall in their history.")
                                        .open("richard", "What would happen if the visit took place the day after"
                                                + " discharge instead?")
                                        .open("tom", "How do the community therapists see it?")
                                        .closed("richard", "Do you have numbers on how many visits changed the plan?")
                                        .answer("grace", "About one in eight last quarter.")
                                        .open("aisha", "What would you need to feel safe letting some of them go"
                                                + " first?")
                                        .advice("tom", "Ask the community team to take the low-risk visits; they have"
                                                + " capacity in the mornings.")
                                        .reflect("grace", "I can see I have been protecting my team from a risk that"
                                                + " the data does not support.")
                                        .action("Agree with community therapy that low-risk home assessments happen"
                                                + " within 48 hours after discharge", "2026-04-21", a -> a
                                                .completed("2026-04-17", "Agreement signed off by both therapy leads;"
                                                        + " first six patients discharged under it"))
                                        .action("Draft a one-page triage for ward therapists: which patients need a"
                                                + " visit before discharge", "2026-05-05", a -> a
                                                .completed("2026-05-19", "Triage approved at the therapy governance"
                                                        + " meeting"))))

                        .meeting("2026-04-14", m -> m
                                .challenge("richard", "Weekend discharges stall on Friday decisions",
                                        "Discharges on Saturdays and Sundays run at a third of the weekday rate,"
                                                + " because consultants do not record a weekend plan on Friday and the"
                                                + " weekend team will not discharge without one.", c -> c
                                        .open("aisha", "What would a weekend plan need to contain for the weekend team"
                                                + " to act on it?")
                                        .open("grace", "What makes it hard for consultants to write the plan on a"
                                                + " Friday afternoon?")
                                        .answer("richard", "Honestly, Friday afternoons are clinic, and the plan feels"
                                                + " like a guess.")
                                        .open("tom", "Who on the weekend team could you ask what they need?")
                                        .closed("priya", "Could pharmacy screen the weekend TTOs on Friday if the plans"
                                                + " were in by 3 pm?")
                                        .open("aisha", "How would you know the change was working?")
                                        .reflect("richard", "I notice that I usually ask the most questions here, and"
                                                + " it is harder to sit on this side.")
                                        .advice("grace", "Maybe start with one consultant firm rather than all of"
                                                + " them.")
                                        .action("Introduce a Friday 'weekend plan' entry for every patient expected home"
                                                + " on Saturday or Sunday, trialled by two consultant firms",
                                                "2026-05-01", a -> a
                                                .progress("2026-05-15", 30, "One firm using it; the second starts in"
                                                        + " June"))
                                        .action("Present the discharge-delay run chart at the medical directorate"
                                                + " meeting", "2026-05-12", a -> a
                                                .completed("2026-05-12", "Presented; the directorate asked for the"
                                                        + " weekend figures monthly")))
                                .writtenReflection("joseph", "I have found it hard to find a way into a conversation"
                                        + " that is so clinical; social care comes in at the end of it.")))

                .metric("discharge delay", "hours per week", DECREASE, WEEK, m -> m
                        .aboutChallengeOf("aisha")
                        .valuePerUnit(18.50)                           // excess bed-hour cost, GBP
                        .target(15, 92)                                // 15% fewer within three months
                        .baselineEvery(7, "2026-01-05", 412, 436, 398, 424)
                        .followUpsEvery(7, "2026-02-02", 418, 409, 401, 392, 388, 379, 384, 371, 366, 359, 352,
                                349, 347, 350, 346, 343, 341)
                        .attribution("aisha", 70, 80)
                        .attribution("tom", 60, 70)
                        .attribution("richard", 50, 60))

                .cost(FACILITATION, 7500, "2026-01-05", "External facilitator: set-up and five sessions")
                .cost(VENUE, 600, "2026-01-20", "Education centre seminar room, five half days")
                .cost(MATERIALS, 350, "2026-01-20", "Printing, flip charts, run-chart posters for the wards")
                .cost(PARTICIPANT_TIME, 9450, "2026-04-30", "Six members, five sessions of 3.5 hours plus"
                        + " between-session work, at loaded hourly rates")
                .build();
    }

    /** Leadership development in a bank: remote teams and underperformance; engagement over six months. */
    public static DemoProgramme financialServices() {
        return DemoProgramme.builder("finance")
                .organisation("Meridian Bank")
                .name("Leadership Development Programme 2026")
                .sponsor("Claire Donovan, Chief People Officer")
                .startsOn("2026-02-02")
                .currency("USD")
                .set("Remote Teams Set", "Jonathan Reyes", set -> set
                        .member("laura", "Laura Chen", "Head of Mortgage Operations")
                        .member("marcus", "Marcus Bell", "Team Leader, Customer Contact Centre")
                        .member("sofia", "Sofia Alvarez", "Senior Manager, Payments Technology")
                        .member("ethan", "Ethan Brooks", "Regional Branch Manager, Midwest")
                        .member("nadia", "Nadia Haddad", "Compliance Manager, Retail Banking")

                        .meeting("2026-03-10", m -> m
                                .challenge("laura", "Keeping a fully remote mortgage team connected",
                                        "Since the office closed, my fourteen underwriters work from home. Output is"
                                                + " fine, but two people resigned saying they felt invisible, and nobody"
                                                + " uses the team channel except for escalations.", c -> c
                                        .open("marcus", "What do you miss most from the days the team shared an"
                                                + " office?")
                                        .open("sofia", "What does 'invisible' mean to the people who left?")
                                        .answer("laura", "That the only time they heard from me was when a case went"
                                                + " wrong.")
                                        .closed("ethan", "Do you hold one-to-ones every week?")
                                        .open("nadia", "What would your team say a good week looks like?")
                                        .open("sofia", "Where in your week is there time that is just for the team,"
                                                + " not for cases?")
                                        .advice("marcus", "We run a fifteen-minute stand-up with cameras on; it took a"
                                                + " month to stick.")
                                        .reflect("laura", "I realise I have been managing the workload and not the"
                                                + " people.")
                                        .action("Ask each underwriter in their one-to-one what a good week looks like,"
                                                + " and share the themes with the team", "2026-03-31", a -> a
                                                .completed("2026-03-27", "Themes shared: recognition, fewer escalations"
                                                        + " by email, a weekly team moment"))
                                        .action("Start a weekly 30-minute team call with no case reviews on the"
                                                + " agenda", "2026-03-24", a -> a
                                                .completed("2026-03-24", "Three calls held; 12 of 14 attend on"
                                                        + " average")))
                                .writtenReflection("nadia", "Good to hear I am not the only one who finds leading"
                                        + " people I never see hard."))

                        .meeting("2026-04-07", m -> m
                                .absent("ethan")
                                .challenge("sofia", "Time zones are splitting my payments team in two",
                                        "Half of my engineers are in Austin, half in Lisbon. Decisions get made by"
                                                + " whichever half is awake, and the other half finds out from the pull"
                                                + " requests.", c -> c
                                        .open("laura", "How does each half describe the other?")
                                        .open("nadia", "Which decisions really need both halves, and which don't?")
                                        .answer("sofia", "Architecture and incidents need both; most of the rest could"
                                                + " be made by either side.")
                                        .closed("marcus", "Is there any overlap in working hours at all?")
                                        .answer("sofia", "Two hours, and they are full of stand-ups.")
                                        .open("laura", "What would you like the team to be saying about this in six"
                                                + " months?")
                                        .advice("nadia", "Write the decision rules down, so people know which side can"
                                                + " decide what.")
                                        .open("marcus", "What would you stop doing in the two-hour overlap?")
                                        .action("Agree with both leads which decisions need both locations, and publish"
                                                + " a one-page decision guide", "2026-04-28", a -> a
                                                .rescheduled("2026-05-12", "Lisbon lead on leave until 4 May")
                                                .completed("2026-05-11", "Decision guide published in the engineering"
                                                        + " handbook"))
                                        .action("Move stand-ups out of the overlap hours and use the overlap for design"
                                                + " discussions", "2026-04-21", a -> a
                                                .abandoned("2026-05-05", "Both teams voted to keep the joint stand-up;"
                                                        + " the overlap is now split instead"))))

                        .meeting("2026-05-05", m -> m
                                .challenge("marcus", "My newest team leaders have never met their teams in person",
                                        "Three of my team leaders were promoted during the hiring freeze and have only"
                                                + " ever led their contact-centre agents remotely. Their teams have the"
                                                + " lowest engagement scores in the centre.", c -> c
                                        .open("ethan", "What did you get from meeting your first team in person that"
                                                + " they are missing?")
                                        .open("nadia", "How do the new leaders talk about their teams?")
                                        .answer("marcus", "As a list of handle times, mostly.")
                                        .open("laura", "What support did you have when you first led a team?")
                                        .closed("sofia", "Is there budget for a get-together?")
                                        .open("ethan", "What might the agents need from their leaders that a metric"
                                                + " won't show?")
                                        .advice("laura", "Pair each of them with an experienced leader for a"
                                                + " quarter.")
                                        .reflect("marcus", "I have been giving them dashboards when what they needed"
                                                + " was a role model.")
                                        .action("Hold an in-person day for the three new team leaders and their teams",
                                                "2026-06-12", a -> a
                                                .completed("2026-06-26", "Day held on 24 June; 41 of 45 agents"
                                                        + " attended"))
                                        .action("Set up fortnightly coaching pairs between new and experienced team"
                                                + " leaders", "2026-05-29", a -> a
                                                .progress("2026-06-10", 50, "Two of the three pairs are meeting"))))

                        .meeting("2026-06-02", m -> m
                                .challenge("ethan", "Leading branch managers I see once a quarter",
                                        "I manage eleven branch managers across four states. I see each of them in"
                                                + " person about once a quarter, and I only hear about problems when a"
                                                + " customer complaint reaches head office.", c -> c
                                        .open("sofia", "What would make a branch manager call you before a complaint"
                                                + " does?")
                                        .open("laura", "How do your managers find out what you care about?")
                                        .closed("nadia", "Do you have a regular call with each of them?")
                                        .answer("ethan", "Monthly, and it is mostly numbers.")
                                        .open("marcus", "What would you talk about if the numbers were sent in"
                                                + " advance?")
                                        .open("nadia", "Which of the eleven do you know best, and why?")
                                        .reflect("sofia", "This sounds like my time-zone problem, with distance instead"
                                                + " of hours.")
                                        .action("Send the branch numbers before each monthly call and use the call for"
                                                + " one question: what is getting in your way?", "2026-07-03", a -> a
                                                .completed("2026-07-01", "First round done; two managers raised"
                                                        + " staffing gaps before they became complaints"))
                                        .action("Visit the four branches with the lowest engagement scores before the"
                                                + " end of July", "2026-07-31"))))

                .set("Performance Conversations Set", "Ruth Feldman", set -> set
                        .member("oliver", "Oliver Grant", "Head of Retail Credit Risk")
                        .member("hannah", "Hannah Schultz", "Operations Manager, Card Services")
                        .member("kwame", "Kwame Asante", "Team Leader, Collections")
                        .member("isabel", "Isabel Moreau", "Team Lead, Wealth Management")
                        .member("ben", "Ben Thornton", "Product Manager, Savings")
                        .member("megan", "Megan O'Neill", "Treasury Operations Manager")

                        .meeting("2026-03-12", m -> m
                                .challenge("hannah", "A long-serving analyst whose work has slipped",
                                        "One of my most experienced analysts has made repeated errors in dispute"
                                                + " handling since the autumn. Everyone on the team knows, and I keep"
                                                + " putting off the conversation because of how much she has given the"
                                                + " team over the years.", c -> c
                                        .open("oliver", "What are you afraid will happen if you have the"
                                                + " conversation?")
                                        .answer("hannah", "That she will hear it as twenty years counting for"
                                                + " nothing.")
                                        .open("megan", "What do you know about what changed for her in the autumn?")
                                        .closed("kwame", "Has anyone told her about the errors directly?")
                                        .open("ben", "What would a good outcome look like for her, not just for the"
                                                + " team?")
                                        .open("isabel", "What does it cost the team to wait another month?")
                                        .advice("oliver", "Start with the facts: the error log, the dates, the impact."
                                                + " Keep the feelings out of it.")
                                        .reflect("hannah", "I have been treating kindness and honesty as if they were"
                                                + " opposites.")
                                        .action("Hold a first conversation with the analyst, starting with what has"
                                                + " changed for her since the autumn", "2026-03-20", a -> a
                                                .completed("2026-03-19", "Conversation held; she told me about a caring"
                                                        + " responsibility; adjusted hours agreed"))
                                        .action("Agree a 60-day improvement plan with clear measures and weekly"
                                                + " check-ins", "2026-04-10", a -> a
                                                .completed("2026-04-24", "Plan agreed with HR; error rate halved in the"
                                                        + " first month"))))

                        .meeting("2026-04-09", m -> m
                                .absent("ben")
                                .challenge("kwame", "Two collectors who miss targets and blame the system",
                                        "Two collectors on my team have missed their call targets for three months."
                                                + " They say the new dialler is the problem; the rest of the team hits"
                                                + " target on the same system.", c -> c
                                        .open("hannah", "What do the two of them see that the rest of the team"
                                                + " doesn't?")
                                        .open("isabel", "How have you checked the dialler claim?")
                                        .answer("kwame", "I haven't, really. I assumed it was an excuse.")
                                        .closed("megan", "Are they on the same shift pattern as the others?")
                                        .open("oliver", "What would change if you took the dialler complaint"
                                                + " seriously?")
                                        .advice("megan", "Sit with each of them for an hour and listen to the calls.")
                                        .reflect("kwame", "If I am honest, I had decided it was attitude before I asked"
                                                + " a single question.")
                                        .action("Sit in on two hours of calls with each collector and log every dialler"
                                                + " problem", "2026-04-24", a -> a
                                                .completed("2026-04-23", "Found a routing fault affecting the late"
                                                        + " shift only; ticket raised with IT"))
                                        .action("Agree interim individual targets for the two collectors until the"
                                                + " routing fault is fixed", "2026-05-01", a -> a
                                                .completed("2026-05-15", "Interim targets agreed and signed off by the"
                                                        + " collections manager"))))

                        .meeting("2026-05-07", m -> m
                                .challenge("isabel", "A high performer who undermines colleagues",
                                        "My top adviser brings in a third of new assets, but talks over colleagues in"
                                                + " meetings and takes over their clients. Two juniors have asked to move"
                                                + " teams.", c -> c
                                        .open("ben", "What does the adviser think his job is?")
                                        .open("kwame", "What have the juniors told you, in their own words?")
                                        .closed("oliver", "Is his behaviour covered in his objectives?")
                                        .answer("isabel", "No, his objectives are all about assets.")
                                        .open("megan", "What would you want him to keep doing?")
                                        .open("hannah", "What has stopped you from raising it so far?")
                                        .answer("isabel", "Fear of losing him to a competitor.")
                                        .advice("oliver", "Put a behaviour objective in his mid-year review, so it is"
                                                + " on record.")
                                        .action("Add a collaboration objective to the adviser's mid-year review, with"
                                                + " anonymised examples", "2026-06-30", a -> a
                                                .abandoned("2026-06-18", "The adviser resigned to join a competitor;"
                                                        + " the objective goes into the whole team's reviews instead"))
                                        .action("Ask the two juniors what would make them stay, and act on one thing"
                                                + " for each", "2026-05-29", a -> a
                                                .completed("2026-05-27", "Both stayed; one now co-leads client"
                                                        + " reviews"))))

                        .meeting("2026-06-04", m -> m
                                .challenge("oliver", "A manager who avoids performance conversations",
                                        "One of my senior managers rates everyone in her team 'strong'. Her team has"
                                                + " the highest loss rate in credit risk, and she has never put anyone"
                                                + " on an improvement plan.", c -> c
                                        .open("hannah", "What did it take for you to start having these conversations"
                                                + " yourself?")
                                        .answer("oliver", "A bad year, and a boss who sat in on my first one.")
                                        .open("isabel", "What do you think she is protecting her team from?")
                                        .open("kwame", "How would she describe her own team?")
                                        .closed("ben", "Has she had any training in performance conversations?")
                                        .open("megan", "What could you model for her rather than tell her?")
                                        .reflect("hannah", "It is striking how many of our challenges are about"
                                                + " avoiding a conversation.")
                                        .action("Offer to sit in on her next two performance conversations, as my boss"
                                                + " did for me", "2026-06-26", a -> a
                                                .completed("2026-07-10", "Sat in on two conversations; she led the"
                                                        + " second one herself"))
                                        .action("Recalibrate the team's ratings with her, using the loss data, before"
                                                + " the year-end reviews", "2026-09-30", a -> a
                                                .progress("2026-09-15", 25, "Loss data prepared; first session"
                                                        + " postponed twice")))
                                .writtenReflection("megan", "Four meetings in, I ask better questions in my own"
                                        + " one-to-ones.")))

                .metric("employee engagement score", "index points (0-100)", INCREASE, MONTH, m -> m
                        // four-weekly pulse survey; no money value: an intangible benefit
                        .target(5, 183)
                        .baselineEvery(28, "2026-01-09", 62.1, 61.6, 62.4)
                        .followUpsEvery(28, "2026-04-03", 63.0, 64.1, 64.9, 65.8, 66.4, 66.9, 67.3)
                        .attribution("laura", 40, 60)
                        .attribution("oliver", 30, 50)
                        .attribution("hannah", 50, 70))

                .cost(FACILITATION, 16000, "2026-03-01", "Two external coaches, four sessions per set")
                .cost(VENUE, 2400, "2026-03-10", "Off-site meeting rooms, eight half days")
                .cost(TRAVEL, 3100, "2026-03-10", "Flights and hotels for members outside head office")
                .cost(MATERIALS, 600, "2026-03-10", "Workbooks and pulse-survey licence share")
                .cost(PARTICIPANT_TIME, 21600, "2026-06-30", "Eleven managers, four sessions of four hours plus"
                        + " preparation, at loaded hourly rates")
                .build();
    }

    /** Sustainability on the factory floor: 10% less energy within six months. */
    public static DemoProgramme manufacturing() {
        return DemoProgramme.builder("manufacturing")
                .organisation("Rheinfeld Automotive Components GmbH")
                .name("Energy-Smart Shop Floor")
                .sponsor("Dr Thomas Brandt, Plant Director")
                .startsOn("2026-02-02")
                .currency("EUR")
                .set("Shop Floor Energy Set", "Katrin Vogel", set -> set
                        .member("jens", "Jens Hoffmann", "Production Manager, Machining Hall 2")
                        .member("elif", "Elif Yilmaz", "Maintenance Planner")
                        .member("markus", "Markus Weber", "Shift Supervisor, Night Shift")
                        .member("anna", "Anna Kowalczyk", "Energy and Environment Engineer")
                        .member("stefan", "Stefan Braun", "Utilities Technician, Compressed Air")
                        .member("lena", "Lena Fischer", "Process Engineer, Heat Treatment")

                        .meeting("2026-02-18", m -> m
                                .challenge("anna", "Nobody on the floor sees the energy bill",
                                        "Hall 2 uses about 49,000 kWh a week. The meters report to my office once a"
                                                + " month, so the people who switch the machines on and off never see"
                                                + " what their shift used.", c -> c
                                        .open("jens", "What would a shift supervisor need to see to act on it?")
                                        .open("markus", "When in the week do you think most of it is wasted?")
                                        .answer("anna", "Weekends and shift changes: the base load never drops below"
                                                + " sixty percent.")
                                        .closed("stefan", "Are the sub-meters on the compressors connected?")
                                        .open("lena", "What would you be proud to show the plant director in six"
                                                + " months?")
                                        .open("elif", "Who owns switching things off at the end of a shift today?")
                                        .answer("anna", "Nobody, formally.")
                                        .advice("markus", "Put a screen with the live load next to the shift board.")
                                        .action("Get the hall meters onto a daily report by shift, shown at the morning"
                                                + " meeting", "2026-03-13", a -> a
                                                .completed("2026-03-11", "Daily shift report live on the shift board"
                                                        + " screen"))
                                        .action("Measure the weekend base load and list the ten biggest consumers",
                                                "2026-03-06", a -> a
                                                .completed("2026-03-16", "Compressors, hydraulic units and extraction"
                                                        + " fans are 71% of the weekend load")))
                                .writtenReflection("lena", "Nobody asked me about the furnaces, and they may be the"
                                        + " biggest thing we have."))

                        .meeting("2026-03-18", m -> m
                                .challenge("stefan", "Compressed-air leaks we hear but never fix",
                                        "You can hear the leaks in Hall 2 on a quiet Sunday. Every leak tag I hang goes"
                                                + " to the bottom of the maintenance list, because production machines"
                                                + " come first.", c -> c
                                        .open("elif", "How does a leak tag compete with a breakdown for priority"
                                                + " today?")
                                        .answer("stefan", "It doesn't; it just waits.")
                                        .open("anna", "What would it take for a leak to count as a breakdown?")
                                        .closed("jens", "Do you know what the leaks cost per week?")
                                        .answer("stefan", "Roughly a fifth of the compressor load, if the supplier's"
                                                + " survey is right.")
                                        .open("lena", "Who else hears the leaks, and what do they do?")
                                        .open("markus", "What could the night shift do, given the hall is quieter"
                                                + " then?")
                                        .advice("jens", "Book an ultrasonic leak survey and fix the top twenty in one"
                                                + " shutdown.")
                                        .action("Run an ultrasonic leak survey of Hall 2 with the night shift",
                                                "2026-04-03", a -> a
                                                .completed("2026-04-02", "143 leaks tagged, about 18% of compressed-air"
                                                        + " demand"))
                                        .action("Repair the 40 largest leaks during the Easter shutdown", "2026-04-10",
                                                a -> a
                                                .progress("2026-04-08", 70, "28 repaired; manifold parts on order")
                                                .completed("2026-04-17", "38 of 40 repaired; two need a new"
                                                        + " manifold"))))

                        .meeting("2026-04-15", m -> m
                                .absent("lena")
                                .challenge("markus", "Machines left idling through breaks and shift changes",
                                        "On nights, operators leave the CNC machines and their coolant pumps running"
                                                + " through the 30-minute break, because a cold start costs them parts"
                                                + " at the start of the next run.", c -> c
                                        .open("jens", "What happens to the first parts after a cold start?")
                                        .answer("markus", "The first two or three are out of tolerance, and they count"
                                                + " against the operator.")
                                        .open("anna", "Which machines could sleep without a warm-up problem?")
                                        .closed("elif", "Do the machines have a standby mode in the controller?")
                                        .open("stefan", "What would the operators suggest if you asked them?")
                                        .advice("anna", "Change the scrap rule so that warm-up parts don't count"
                                                + " against the operator.")
                                        .reflect("markus", "I had been treating this as a discipline problem, and it is"
                                                + " a measurement problem.")
                                        .action("Ask each night crew which machines can go to standby during breaks,"
                                                + " and trial it for a month", "2026-05-15", a -> a
                                                .completed("2026-05-13", "Standby during breaks on 14 of 22 machines;"
                                                        + " no extra scrap"))
                                        .action("Propose to quality that warm-up parts are logged separately from"
                                                + " operator scrap", "2026-05-08", a -> a
                                                .abandoned("2026-05-20", "The customer contract requires every part to"
                                                        + " be counted; warm-up now runs on test bars instead"))))

                        .meeting("2026-05-13", m -> m
                                .challenge("lena", "The heat-treatment furnaces run half empty",
                                        "The furnaces are scheduled by due date, so they often run at 50 to 60 percent"
                                                + " load. A cycle uses about the same energy whether it is full or"
                                                + " not.", c -> c
                                        .open("elif", "What would it take to hold parts back until a furnace is"
                                                + " full?")
                                        .open("jens", "Which customers would notice a one-day delay?")
                                        .answer("lena", "Only two of the eleven, according to the planners.")
                                        .closed("anna", "Do you know the energy per cycle for each furnace?")
                                        .open("markus", "How do the planners decide today?")
                                        .open("stefan", "What would the furnace operators change first?")
                                        .advice("jens", "Batch by alloy, not by order.")
                                        .action("Trial batching furnace loads to at least 85 percent fill for"
                                                + " non-urgent orders", "2026-06-05", a -> a
                                                .completed("2026-06-04", "Average fill 88% over three weeks; two"
                                                        + " cycles a day fewer"))
                                        .action("Agree with planning a rule for which orders may wait for a full"
                                                + " furnace", "2026-06-12", a -> a
                                                .progress("2026-06-10", 60, "Draft rule agreed with one of the two"
                                                        + " planners"))))

                        .meeting("2026-06-10", m -> m
                                .challenge("jens", "Keeping the savings when the project moves on",
                                        "Energy in Hall 2 is down about eight percent. I have seen improvement drives"
                                                + " fade once the attention moves elsewhere, and we are going into the"
                                                + " summer holiday rota.", c -> c
                                        .open("anna", "What has kept the savings going so far?")
                                        .open("markus", "Who on the floor would notice if it started slipping?")
                                        .open("lena", "What would you want the holiday cover supervisors to know?")
                                        .closed("stefan", "Is the daily energy report part of the shift handover"
                                                + " yet?")
                                        .answer("jens", "Not formally; it depends on who is on.")
                                        .open("elif", "How could maintenance keep the leak fixing going without the"
                                                + " set?")
                                        .advice("elif", "Make leak tags a standard category in the maintenance planning"
                                                + " system.")
                                        .reflect("jens", "The set has become the thing holding it together; that has to"
                                                + " move into the normal routine.")
                                        .action("Add energy per shift to the standard shift handover sheet",
                                                "2026-06-26", a -> a
                                                .completed("2026-06-24", "Handover sheet updated in all three"
                                                        + " shifts"))
                                        .action("Agree with maintenance a monthly leak round as a planned task",
                                                "2026-07-10"))))

                .metric("energy use", "kWh per week", DECREASE, WEEK, m -> m
                        .aboutChallengeOf("anna")
                        .valuePerUnit(0.21)                            // EUR per kWh
                        .target(10, 183)                               // 10% less within six months
                        .baselineEvery(7, "2026-02-02", 48600, 49350, 47900, 48950)
                        .followUpsEvery(14, "2026-03-09", 48400, 47700, 47100, 46100, 45600, 45200, 44700, 44300,
                                43900, 43700, 43500, 43300, 43150)
                        .attribution("anna", 60, 70)
                        .attribution("jens", 50, 80)
                        .attribution("stefan", 70, 60))

                .cost(FACILITATION, 6000, "2026-02-18", "Internal CI lead as facilitator, five sessions and"
                        + " preparation")
                .cost(MATERIALS, 1800, "2026-03-02", "Clamp-on sub-meters and leak tags")
                .cost(OTHER, 1200, "2026-03-30", "Ultrasonic leak detector hire, two weeks")
                .cost(PARTICIPANT_TIME, 8100, "2026-06-30", "Six members, five sessions of three hours plus"
                        + " between-session work")
                .build();
    }
}
