package org.actionlearning.command.learningset;

import static org.actionlearning.command.support.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.actionlearning.command.domain.DomainRuleViolation;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.command.learningset.SetCommands.AddMember;
import org.actionlearning.command.learningset.SetCommands.ChangeFacilitator;
import org.actionlearning.command.learningset.SetCommands.AskQuestion;
import org.actionlearning.command.learningset.SetCommands.CloseMeeting;
import org.actionlearning.command.learningset.SetCommands.CommitAction;
import org.actionlearning.command.learningset.SetCommands.DiscardMeeting;
import org.actionlearning.command.learningset.SetCommands.MakeStatement;
import org.actionlearning.command.learningset.SetCommands.OpenMeeting;
import org.actionlearning.command.learningset.SetCommands.PresentChallenge;
import org.actionlearning.command.learningset.SetCommands.RecordReflection;
import org.actionlearning.command.learningset.SetCommands.RemoveMember;
import org.actionlearning.command.learningset.SetCommands.RetractContribution;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.command.support.CreatedAggregates;
import org.actionlearning.events.action.ActionCommitted;
import org.actionlearning.events.learningset.ChallengePresented;
import org.actionlearning.events.learningset.ContributionRetracted;
import org.actionlearning.events.learningset.MeetingClosed;
import org.actionlearning.events.learningset.MeetingDiscarded;
import org.actionlearning.events.learningset.MeetingOpened;
import org.actionlearning.events.learningset.MeetingScheduled;
import org.actionlearning.events.learningset.MemberJoined;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.actionlearning.events.learningset.MemberLeft;
import org.actionlearning.events.learningset.QuestionAsked;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.ReflectionRecorded;
import org.actionlearning.events.learningset.SetFormed;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.learningset.StatementMade;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learning set aggregate: members, and the meetings it owns (scheduled, opened with attendees, challenges,
 * questions, statements, reflections, actions, closed).
 * <p>
 * The set is formed by its programme (see {@code ProgrammeAggregateTest}), so every test starts from
 * {@link SetFormed}. {@link CommitAction} creates an {@code Action} aggregate with {@code createNew}; created
 * actions are stored apart from the fixture's own events, in {@link CreatedAggregates}, and read back from there.
 */
class LearningSetAggregateTest {

    private static final UUID PROGRAMME = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SET = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID FACILITATOR = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
    private static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID CLEO = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    /** A member of the set who is not at the meeting. */
    private static final UUID DAN = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
    /** Not a member of the set. */
    private static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000c9");
    private static final UUID MEETING = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    private static final UUID UNKNOWN_MEETING = UUID.fromString("00000000-0000-0000-0000-0000000000d9");
    /** Presented by Ana. */
    private static final UUID CHALLENGE = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    /** Presented by Ben, after Ana's. */
    private static final UUID NEXT_CHALLENGE = UUID.fromString("00000000-0000-0000-0000-0000000000e2");
    private static final UUID CONTRIBUTION = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID REFLECTION = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    private static final UUID ACTION = UUID.fromString("00000000-0000-0000-0000-0000000000f3");
    private static final LocalDate SCHEDULED_FOR = LocalDate.of(2025, 3, 3);
    private static final LocalDate OPENED_A_DAY_LATE = LocalDate.of(2025, 3, 4);

    private AggregateTestFixture<LearningSet> fixture;
    private CreatedAggregates createdAggregates;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LearningSet.class);
        createdAggregates = CreatedAggregates.on(fixture);
    }

    @AfterEach
    void tearDown() {
        createdAggregates.shutDown();
    }

    // --- given events ---------------------------------------------------------------------------------------------

    private static SetFormed formed() {
        return new SetFormed(SET, PROGRAMME, "Ward 7 set", FACILITATOR, "Fran Facilitator");
    }

    private static MemberJoined joined(UUID personId) {
        return new MemberJoined(SET, PROGRAMME, personId, "Member " + personId.toString().substring(34), null);
    }

    private static MeetingScheduled scheduled() {
        return new MeetingScheduled(SET, PROGRAMME, MEETING, SCHEDULED_FOR);
    }

    /** Ana, Ben and Cleo attend; Dan is a member but absent. */
    private static MeetingOpened opened() {
        return new MeetingOpened(SET, PROGRAMME, MEETING, SCHEDULED_FOR, List.of(ANA, BEN, CLEO));
    }

    private static ChallengePresented presented(UUID challengeId, UUID presenterId) {
        return new ChallengePresented(SET, PROGRAMME, MEETING, challengeId, presenterId, "Discharges stall at 4pm",
                null);
    }

    private static MeetingClosed closed() {
        return new MeetingClosed(SET, PROGRAMME, MEETING, SCHEDULED_FOR);
    }

    /** A set with four members (Ana, Ben, Cleo, Dan), then {@code more}. */
    private static List<Object> setWithMembers(Object... more) {
        List<Object> events = new ArrayList<>(List.of(formed(), joined(ANA), joined(BEN), joined(CLEO), joined(DAN)));
        events.addAll(List.of(more));
        return events;
    }

    /** The meeting is open with Ana, Ben and Cleo, then {@code more}. */
    private static List<Object> inOpenMeeting(Object... more) {
        List<Object> events = setWithMembers(scheduled(), opened());
        events.addAll(List.of(more));
        return events;
    }

    /** Ana is presenting her challenge in the open meeting, then {@code more}. */
    private static List<Object> whileAnaPresents(Object... more) {
        List<Object> events = inOpenMeeting(presented(CHALLENGE, ANA));
        events.addAll(List.of(more));
        return events;
    }

    private static UUID person(int n) {
        return UUID.fromString("00000000-0000-0000-0000-%012d".formatted(100 + n));
    }

    /** A set with {@code count} members, none of them Ana, Ben, Cleo or Dan. */
    private static List<Object> setWithMemberCount(int count) {
        List<Object> events = new ArrayList<>(List.of(formed()));
        IntStream.rangeClosed(1, count).mapToObj(n -> joined(person(n))).forEach(events::add);
        return events;
    }

    // --- commands -------------------------------------------------------------------------------------------------

    private static AskQuestion ask(UUID challengeId, UUID askerId) {
        return new AskQuestion(SET, MEETING, CONTRIBUTION, challengeId, askerId, QuestionForm.OPEN,
                "What have you tried so far?", 20);
    }

    private static MakeStatement state(UUID speakerId, UUID challengeId) {
        return new MakeStatement(SET, MEETING, CONTRIBUTION, speakerId, StatementKind.ANSWER, challengeId,
                "We tried a discharge lounge.", 35);
    }

    private static CommitAction commit(UUID ownerId, UUID challengeId, LocalDate dueOn) {
        return new CommitAction(SET, MEETING, ACTION, challengeId, ownerId, "Map the checklist with pharmacy", dueOn);
    }

    // --- members --------------------------------------------------------------------------------------------------

    @Test
    void addingAMember() {
        fixture.given(formed())
                .when(new AddMember(SET, ANA, "Member c1", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(joined(ANA));
    }

    @Test
    void addingAMemberWithTheDateTheyJoined() {
        fixture.given(formed())
                .when(new AddMember(SET, ANA, "Member c1", LocalDate.of(2025, 2, 1)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberJoined(SET, PROGRAMME, ANA, "Member c1", LocalDate.of(2025, 2, 1)));
    }

    @Test
    void theEighthMemberIsWelcome() {
        fixture.given(setWithMemberCount(7))
                .when(new AddMember(SET, ANA, "Member c1", null))
                .expectEvents(joined(ANA));
    }

    @Test
    void aSetHasAtMostEightMembers() {
        fixture.given(setWithMemberCount(8))
                .when(new AddMember(SET, ANA, "Member c1", null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, null, "a set has at most 8 members"));
    }

    @Test
    void aMemberWhoLeftFreesASeat() {
        List<Object> history = setWithMemberCount(8);
        history.add(new MemberLeft(SET, PROGRAMME, person(3)));
        fixture.given(history)
                .when(new AddMember(SET, ANA, "Member c1", null))
                .expectEvents(joined(ANA));
    }

    @Test
    void aMemberIsNotAddedTwice() {
        fixture.given(setWithMembers())
                .when(new AddMember(SET, BEN, "Ben again", null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "personId", "is already a member of this set"));
    }

    @Test
    void theFacilitatorCannotBeAMember() {
        fixture.given(formed())
                .when(new AddMember(SET, FACILITATOR, "Fran Facilitator", null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "personId",
                        "the set's facilitator cannot also be a member"));
    }

    @Test
    void removingAMember() {
        fixture.given(setWithMembers())
                .when(new RemoveMember(SET, DAN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MemberLeft(SET, PROGRAMME, DAN));
    }

    @Test
    void removingSomeoneWhoIsNotAMemberIsAnUnknownEntity() {
        fixture.given(setWithMembers())
                .when(new RemoveMember(SET, STRANGER))
                .expectNoEvents()
                .expectException(rejected(UnknownEntity.class, "personId", STRANGER + " is not a member of set"));
    }

    @Test
    void removingAMemberWhoAlreadyLeftIsAnUnknownEntity() {
        fixture.given(setWithMembers(new MemberLeft(SET, PROGRAMME, DAN)))
                .when(new RemoveMember(SET, DAN))
                .expectNoEvents()
                .expectException(rejected(UnknownEntity.class, "personId", DAN + " is not a member of set"));
    }

    // --- facilitator ----------------------------------------------------------------------------------------------

    /** The event names the new facilitator and the one who stops; a later change starts from the new one. */
    @Test
    void changingTheFacilitatorNamesTheNewAndTheFormerOne() {
        fixture.given(setWithMembers())
                .when(new ChangeFacilitator(SET, STRANGER, "Sam Successor", FACILITATOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new FacilitatorChanged(SET, PROGRAMME, STRANGER, "Sam Successor", FACILITATOR));
        fixture.given(setWithMembers(new FacilitatorChanged(SET, PROGRAMME, STRANGER, "Sam Successor", FACILITATOR)))
                .when(new ChangeFacilitator(SET, FACILITATOR, "Fran Facilitator", STRANGER))
                .expectEvents(new FacilitatorChanged(SET, PROGRAMME, FACILITATOR, "Fran Facilitator", STRANGER));
    }

    /** A change names the facilitator it replaces: one made after another change came first is refused. */
    @Test
    void aChangeReplacingAFormerFacilitatorIsRefused() {
        fixture.given(setWithMembers(new FacilitatorChanged(SET, PROGRAMME, STRANGER, "Sam Successor", FACILITATOR)))
                .when(new ChangeFacilitator(SET, UUID.randomUUID(), "Newcomer", FACILITATOR))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "currentFacilitatorId",
                        "the set's facilitator has changed since"));
    }

    @Test
    void theNewFacilitatorIsNeitherTheCurrentOneNorAMember() {
        fixture.given(setWithMembers())
                .when(new ChangeFacilitator(SET, FACILITATOR, "Fran again", FACILITATOR))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "facilitatorId",
                        FACILITATOR + " already facilitates this set"));
        fixture.given(setWithMembers())
                .when(new ChangeFacilitator(SET, BEN, "Ben", FACILITATOR))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "facilitatorId",
                        "a member of the set cannot also be its facilitator"));
        // and once changed, the new facilitator cannot be added as a member, the former one can
        fixture.given(setWithMembers(new FacilitatorChanged(SET, PROGRAMME, STRANGER, "Sam Successor", FACILITATOR)))
                .when(new AddMember(SET, STRANGER, "Sam", null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "personId",
                        "the set's facilitator cannot also be a member"));
        fixture.given(setWithMembers(new FacilitatorChanged(SET, PROGRAMME, STRANGER, "Sam Successor", FACILITATOR)))
                .when(new AddMember(SET, FACILITATOR, "Fran", null))
                .expectEvents(new MemberJoined(SET, PROGRAMME, FACILITATOR, "Fran", null));
    }

    // --- scheduling and opening -----------------------------------------------------------------------------------

    @Test
    void schedulingAMeeting() {
        fixture.given(setWithMembers())
                .when(new ScheduleMeeting(SET, MEETING, SCHEDULED_FOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled());
    }

    @Test
    void aMeetingIdIsUsedOnce() {
        fixture.given(setWithMembers(scheduled()))
                .when(new ScheduleMeeting(SET, MEETING, SCHEDULED_FOR.plusWeeks(4)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "meeting id already used"));
    }

    @Test
    void openedOnDefaultsToTheScheduledDate() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, BEN, CLEO), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeetingOpened(SET, PROGRAMME, MEETING, SCHEDULED_FOR, List.of(ANA, BEN, CLEO)));
    }

    @Test
    void aMeetingMayOpenOnAnotherDayThanScheduled() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, BEN), OPENED_A_DAY_LATE))
                .expectEvents(new MeetingOpened(SET, PROGRAMME, MEETING, OPENED_A_DAY_LATE, List.of(ANA, BEN)));
    }

    @Test
    void aMeetingIsOpenedOnlyOnce() {
        fixture.given(inOpenMeeting())
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, BEN, CLEO), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "was already opened"));
    }

    @Test
    void aClosedMeetingIsNotReopened() {
        fixture.given(inOpenMeeting(closed()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, BEN, CLEO), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "was already opened"));
    }

    @Test
    void anAttendeeMustBeAMember() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, STRANGER), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "attendees",
                        STRANGER + " is not a member of this set"));
    }

    @Test
    void theFacilitatorIsNotAnAttendee() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, FACILITATOR), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "attendees",
                        FACILITATOR + " is not a member of this set"));
    }

    @Test
    void aMeetingNeedsAnAttendee() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "attendees",
                        "a meeting needs at least one attendee"));
    }

    @Test
    void anAttendeeIsListedOnce() {
        fixture.given(setWithMembers(scheduled()))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA, BEN, ANA), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "attendees", "an attendee is listed twice"));
    }

    // --- unknown meetings, meetings that are not open -------------------------------------------------------------

    static Stream<Named<Object>> everyMeetingCommand() {
        return Stream.concat(Stream.of(Named.of("OpenMeeting",
                        new OpenMeeting(SET, UNKNOWN_MEETING, List.of(ANA), null))),
                contributionsTo(UNKNOWN_MEETING));
    }

    /** Every command that needs an open meeting, each valid if the meeting were open with Ana presenting. */
    static Stream<Named<Object>> contributionsTo(UUID meetingId) {
        return Stream.of(
                Named.of("PresentChallenge", new PresentChallenge(SET, meetingId, NEXT_CHALLENGE, BEN, "Rota gaps",
                        null)),
                Named.of("AskQuestion", new AskQuestion(SET, meetingId, CONTRIBUTION, CHALLENGE, BEN,
                        QuestionForm.OPEN, "Who else is affected?", null)),
                Named.of("MakeStatement", new MakeStatement(SET, meetingId, CONTRIBUTION, BEN, StatementKind.ADVICE,
                        CHALLENGE, "Try a huddle.", null)),
                Named.of("RecordReflection", new RecordReflection(SET, meetingId, REFLECTION, CLEO,
                        "I learned to hold back advice.")),
                Named.of("CommitAction", new CommitAction(SET, meetingId, ACTION, CHALLENGE, ANA, "Ask pharmacy",
                        SCHEDULED_FOR.plusWeeks(2))),
                Named.of("CloseMeeting", new CloseMeeting(SET, meetingId, null)),
                Named.of("DiscardMeeting", new DiscardMeeting(SET, meetingId, null)),
                Named.of("RetractContribution", new RetractContribution(SET, meetingId, CONTRIBUTION)));
    }

    static Stream<Named<Object>> contributionsToTheMeeting() {
        return contributionsTo(MEETING);
    }

    @ParameterizedTest
    @MethodSource("everyMeetingCommand")
    void aCommandForAnUnknownMeetingIsAnUnknownEntity(Object command) {
        fixture.given(whileAnaPresents())
                .when(command)
                .expectNoEvents()
                .expectException(rejected(UnknownEntity.class, "meetingId",
                        "set " + SET + " has no meeting " + UNKNOWN_MEETING));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contributionsToTheMeeting")
    void nothingIsRecordedInAMeetingThatWasNotOpened(Object command) {
        fixture.given(setWithMembers(scheduled()))
                .when(command)
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId",
                        "is not open (it has not been opened)"));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contributionsToTheMeeting")
    void nothingIsRecordedInAClosedMeeting(Object command) {
        fixture.given(whileAnaPresents(closed()))
                .when(command)
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "is not open (it is closed)"));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    // --- challenges -----------------------------------------------------------------------------------------------

    @Test
    void presentingAChallenge() {
        fixture.given(inOpenMeeting())
                .when(new PresentChallenge(SET, MEETING, CHALLENGE, ANA, "Discharges stall at 4pm", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(presented(CHALLENGE, ANA));
    }

    @Test
    void onlyAnAttendeePresents() {
        fixture.given(inOpenMeeting())
                .when(new PresentChallenge(SET, MEETING, CHALLENGE, DAN, "Absent but eager", null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "presenterId",
                        DAN + " is not an attendee of this meeting"));
    }

    // --- questions ------------------------------------------------------------------------------------------------

    @Test
    void askingAQuestionAboutTheChallengeBeingPresented() {
        fixture.given(whileAnaPresents())
                .when(ask(CHALLENGE, BEN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionAsked(SET, PROGRAMME, MEETING, CONTRIBUTION, CHALLENGE, BEN,
                        QuestionForm.OPEN, "What have you tried so far?", 20));
    }

    @Test
    void anUntimedClosedQuestionIsRecordedWithoutSeconds() {
        fixture.given(whileAnaPresents())
                .when(new AskQuestion(SET, MEETING, CONTRIBUTION, CHALLENGE, CLEO, QuestionForm.CLOSED,
                        "Is it every day?", null))
                .expectEvents(new QuestionAsked(SET, PROGRAMME, MEETING, CONTRIBUTION, CHALLENGE, CLEO,
                        QuestionForm.CLOSED, "Is it every day?", null));
    }

    @Test
    void onlyAnAttendeeAsks() {
        fixture.given(whileAnaPresents())
                .when(ask(CHALLENGE, DAN))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "askerId",
                        DAN + " is not an attendee of this meeting"));
    }

    @Test
    void aQuestionNeedsAChallengeBeingPresented() {
        fixture.given(inOpenMeeting())
                .when(ask(CHALLENGE, BEN))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "challengeId",
                        "questions refer to the challenge being presented (null)"));
    }

    @Test
    void questionsReferToTheChallengeBeingPresentedNotAnEarlierOne() {
        fixture.given(whileAnaPresents(presented(NEXT_CHALLENGE, BEN)))
                .when(ask(CHALLENGE, CLEO))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "challengeId",
                        "questions refer to the challenge being presented (" + NEXT_CHALLENGE + ")"));
    }

    @Test
    void afterANewChallengeIsPresentedQuestionsGoToIt() {
        fixture.given(whileAnaPresents(presented(NEXT_CHALLENGE, BEN)))
                .when(ask(NEXT_CHALLENGE, ANA))
                .expectEvents(new QuestionAsked(SET, PROGRAMME, MEETING, CONTRIBUTION, NEXT_CHALLENGE, ANA,
                        QuestionForm.OPEN, "What have you tried so far?", 20));
    }

    @Test
    void aPresenterDoesNotQuestionTheirOwnChallenge() {
        fixture.given(whileAnaPresents())
                .when(ask(CHALLENGE, ANA))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "askerId",
                        "a presenter does not question their own challenge"));
    }

    @Test
    void questionSecondsMustNotBeNegative() {
        fixture.given(whileAnaPresents())
                .when(new AskQuestion(SET, MEETING, CONTRIBUTION, CHALLENGE, BEN, QuestionForm.OPEN, "Why?", -1))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "seconds", "must not be negative, was -1"));
    }

    // --- statements -----------------------------------------------------------------------------------------------

    @Test
    void makingAStatementAboutAChallenge() {
        fixture.given(whileAnaPresents())
                .when(state(ANA, CHALLENGE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StatementMade(SET, PROGRAMME, MEETING, CONTRIBUTION, ANA, StatementKind.ANSWER,
                        CHALLENGE, "We tried a discharge lounge.", 35));
    }

    @Test
    void aStatementNeedNotReferToAChallenge() {
        fixture.given(inOpenMeeting())
                .when(new MakeStatement(SET, MEETING, CONTRIBUTION, CLEO, StatementKind.OTHER, null, "Welcome all",
                        null))
                .expectEvents(new StatementMade(SET, PROGRAMME, MEETING, CONTRIBUTION, CLEO, StatementKind.OTHER,
                        null, "Welcome all", null));
    }

    @Test
    void aStatementMayReferToAnEarlierChallengeOfTheSameMeeting() {
        fixture.given(whileAnaPresents(presented(NEXT_CHALLENGE, BEN)))
                .when(state(ANA, CHALLENGE))
                .expectEvents(new StatementMade(SET, PROGRAMME, MEETING, CONTRIBUTION, ANA, StatementKind.ANSWER,
                        CHALLENGE, "We tried a discharge lounge.", 35));
    }

    @Test
    void onlyAnAttendeeMakesStatements() {
        fixture.given(whileAnaPresents())
                .when(state(STRANGER, CHALLENGE))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "speakerId",
                        STRANGER + " is not an attendee of this meeting"));
    }

    @Test
    void aStatementRefersToAChallengePresentedInThisMeeting() {
        fixture.given(whileAnaPresents())
                .when(state(BEN, NEXT_CHALLENGE))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "challengeId",
                        "challenge " + NEXT_CHALLENGE + " was not presented in this meeting"));
    }

    @Test
    void statementSecondsMustNotBeNegative() {
        fixture.given(whileAnaPresents())
                .when(new MakeStatement(SET, MEETING, CONTRIBUTION, BEN, StatementKind.ADVICE, CHALLENGE, "Do X",
                        -5))
                .expectNoEvents()
                .expectException(rejected(InvalidCommandValue.class, "seconds", "must not be negative, was -5"));
    }

    // --- reflections ----------------------------------------------------------------------------------------------

    @Test
    void recordingAReflection() {
        fixture.given(whileAnaPresents())
                .when(new RecordReflection(SET, MEETING, REFLECTION, CLEO, "I learned to hold back advice."))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ReflectionRecorded(SET, PROGRAMME, MEETING, REFLECTION, CLEO,
                        "I learned to hold back advice."));
    }

    @Test
    void onlyAnAttendeeReflects() {
        fixture.given(whileAnaPresents())
                .when(new RecordReflection(SET, MEETING, REFLECTION, DAN, "I was not there"))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "personId",
                        DAN + " is not an attendee of this meeting"));
    }

    // --- actions --------------------------------------------------------------------------------------------------

    @Test
    void committingAnActionCreatesTheActionCommittedOnTheMeetingDate() {
        fixture.given(setWithMembers(scheduled(),
                        new MeetingOpened(SET, PROGRAMME, MEETING, OPENED_A_DAY_LATE, List.of(ANA, BEN, CLEO)),
                        presented(CHALLENGE, ANA)))
                .when(commit(ANA, CHALLENGE, LocalDate.of(2025, 3, 31)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents(); // the set itself does not change

        assertThat(createdAggregates.eventsOf(ACTION)).singleElement().satisfies(message -> {
            assertThat(message.getType()).isEqualTo("Action");
            assertThat(message.getSequenceNumber()).isZero();
            assertThat(message.getPayload()).isEqualTo(new ActionCommitted(ACTION, PROGRAMME, SET, MEETING,
                    CHALLENGE, ANA, "Map the checklist with pharmacy", OPENED_A_DAY_LATE, LocalDate.of(2025, 3, 31)));
        });
    }

    @Test
    void anActionMayBeDueOnTheMeetingDate() {
        fixture.given(whileAnaPresents())
                .when(commit(ANA, CHALLENGE, SCHEDULED_FOR))
                .expectSuccessfulHandlerExecution();

        assertThat(createdAggregates.payloadsOf(ACTION))
                .containsExactly(new ActionCommitted(ACTION, PROGRAMME, SET, MEETING, CHALLENGE, ANA,
                        "Map the checklist with pharmacy", SCHEDULED_FOR, SCHEDULED_FOR));
    }

    @Test
    void anActionIsCommittedByThePresenterOfTheChallenge() {
        fixture.given(whileAnaPresents())
                .when(commit(BEN, CHALLENGE, LocalDate.of(2025, 3, 31)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "ownerId",
                        "actions are committed by the presenter of the challenge"));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    @Test
    void anActionIsNotDueBeforeTheMeeting() {
        fixture.given(whileAnaPresents())
                .when(commit(ANA, CHALLENGE, SCHEDULED_FOR.minusDays(1)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "dueOn",
                        "must not be before the meeting date (2025-03-03), was 2025-03-02"));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    @Test
    void anActionRefersToAChallengePresentedInThisMeeting() {
        fixture.given(whileAnaPresents())
                .when(commit(ANA, NEXT_CHALLENGE, LocalDate.of(2025, 3, 31)))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "challengeId",
                        "challenge " + NEXT_CHALLENGE + " was not presented in this meeting"));

        assertThat(createdAggregates.eventsOf(ACTION)).isEmpty();
    }

    // --- closing --------------------------------------------------------------------------------------------------

    @Test
    void closedOnDefaultsToTheOpeningDate() {
        fixture.given(setWithMembers(scheduled(),
                        new MeetingOpened(SET, PROGRAMME, MEETING, OPENED_A_DAY_LATE, List.of(ANA, BEN, CLEO))))
                .when(new CloseMeeting(SET, MEETING, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeetingClosed(SET, PROGRAMME, MEETING, OPENED_A_DAY_LATE));
    }

    @Test
    void aMeetingMayCloseOnALaterDate() {
        fixture.given(whileAnaPresents())
                .when(new CloseMeeting(SET, MEETING, SCHEDULED_FOR.plusDays(1)))
                .expectEvents(new MeetingClosed(SET, PROGRAMME, MEETING, SCHEDULED_FOR.plusDays(1)));
    }

    @Test
    void aMeetingDoesNotCloseBeforeItOpened() {
        fixture.given(setWithMembers(scheduled(),
                        new MeetingOpened(SET, PROGRAMME, MEETING, OPENED_A_DAY_LATE, List.of(ANA, BEN, CLEO))))
                .when(new CloseMeeting(SET, MEETING, SCHEDULED_FOR))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "closedOn",
                        "must not be before the opening date (2025-03-04), was 2025-03-03"));
    }

    @Test
    void aMeetingIsClosedOnlyOnce() {
        fixture.given(inOpenMeeting(closed()))
                .when(new CloseMeeting(SET, MEETING, null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "is not open (it is closed)"));
    }

    // --- one open meeting at a time, discarding, retracting -------------------------------------------------------

    private static final UUID SECOND_MEETING = UUID.fromString("00000000-0000-0000-0000-0000000000d2");

    private static MeetingScheduled secondScheduled() {
        return new MeetingScheduled(SET, PROGRAMME, SECOND_MEETING, SCHEDULED_FOR);
    }

    private static QuestionAsked benAsksOpenly() {
        return new QuestionAsked(SET, PROGRAMME, MEETING, CONTRIBUTION, CHALLENGE, BEN, QuestionForm.OPEN, "Why?",
                null);
    }

    @Test
    void aSecondMeetingIsNotOpenedWhileOneIsOpen() {
        fixture.given(inOpenMeeting(secondScheduled()))
                .when(new OpenMeeting(SET, SECOND_MEETING, List.of(ANA, BEN), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId",
                        "meeting " + MEETING + " of this set is still open"));
    }

    @Test
    void anotherMeetingOpensOnceTheOpenOneIsClosed() {
        fixture.given(inOpenMeeting(closed(), secondScheduled()))
                .when(new OpenMeeting(SET, SECOND_MEETING, List.of(ANA, BEN), null))
                .expectEvents(new MeetingOpened(SET, PROGRAMME, SECOND_MEETING, SCHEDULED_FOR, List.of(ANA, BEN)));
    }

    @Test
    void anotherMeetingOpensOnceTheOpenOneIsDiscarded() {
        fixture.given(inOpenMeeting(new MeetingDiscarded(SET, PROGRAMME, MEETING, SCHEDULED_FOR), secondScheduled()))
                .when(new OpenMeeting(SET, SECOND_MEETING, List.of(ANA, BEN), null))
                .expectEvents(new MeetingOpened(SET, PROGRAMME, SECOND_MEETING, SCHEDULED_FOR, List.of(ANA, BEN)));
    }

    @Test
    void discardingAnOpenMeetingOnItsOpeningDate() {
        fixture.given(whileAnaPresents(benAsksOpenly()))
                .when(new DiscardMeeting(SET, MEETING, null))
                .expectEvents(new MeetingDiscarded(SET, PROGRAMME, MEETING, SCHEDULED_FOR));
    }

    @Test
    void aDiscardedMeetingTakesNothingMore() {
        fixture.given(whileAnaPresents(new MeetingDiscarded(SET, PROGRAMME, MEETING, SCHEDULED_FOR)))
                .when(ask(CHALLENGE, BEN))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "is not open (it was discarded)"));
    }

    @Test
    void aDiscardedMeetingIsNotReopened() {
        fixture.given(inOpenMeeting(new MeetingDiscarded(SET, PROGRAMME, MEETING, SCHEDULED_FOR)))
                .when(new OpenMeeting(SET, MEETING, List.of(ANA), null))
                .expectNoEvents()
                .expectException(rejected(DomainRuleViolation.class, "meetingId", "was already opened"));
    }

    @Test
    void retractingAQuestionNamesWhoAskedAndItsForm() {
        fixture.given(whileAnaPresents(benAsksOpenly()))
                .when(new RetractContribution(SET, MEETING, CONTRIBUTION))
                .expectEvents(new ContributionRetracted(SET, PROGRAMME, MEETING, CONTRIBUTION, BEN, QuestionForm.OPEN,
                        null));
    }

    @Test
    void retractingAStatementNamesWhoSpokeAndItsKind() {
        fixture.given(whileAnaPresents(new StatementMade(SET, PROGRAMME, MEETING, CONTRIBUTION, CLEO,
                        StatementKind.ADVICE, CHALLENGE, "Try a huddle.", 12)))
                .when(new RetractContribution(SET, MEETING, CONTRIBUTION))
                .expectEvents(new ContributionRetracted(SET, PROGRAMME, MEETING, CONTRIBUTION, CLEO, null,
                        StatementKind.ADVICE));
    }

    @Test
    void aContributionIsRetractedOnce() {
        fixture.given(whileAnaPresents(benAsksOpenly(), new ContributionRetracted(SET, PROGRAMME, MEETING,
                        CONTRIBUTION, BEN, QuestionForm.OPEN, null)))
                .when(new RetractContribution(SET, MEETING, CONTRIBUTION))
                .expectNoEvents()
                .expectException(rejected(UnknownEntity.class, "contributionId", "already retracted"));
    }

    @Test
    void aContributionOfAnotherMeetingIsNotRetractedHere() {
        fixture.given(whileAnaPresents())
                .when(new RetractContribution(SET, MEETING, CONTRIBUTION))
                .expectNoEvents()
                .expectException(rejected(UnknownEntity.class, "contributionId", "no question or statement"));
    }
}
