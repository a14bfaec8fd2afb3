package org.actionlearning.events.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.actionlearning.events.EventSamples;
import org.actionlearning.events.envelope.EventType;
import org.actionlearning.events.envelope.EventTypes;
import org.junit.jupiter.api.Test;

class PersonalDataFieldsTest {

    @Test
    void everyPersonalComponentIsTextAndNamesAUuidComponentAsItsSubject() {
        for (EventType type : EventTypes.all()) {
            Map<String, Class<?>> components = Arrays.stream(type.javaType().getRecordComponents())
                    .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
            for (RecordComponent personal : PersonalDataFields.of(type.javaType())) {
                String subject = personal.getAnnotation(PersonalData.class).subject();
                assertThat(personal.getType()).as("%s.%s", type.name(), personal.getName()).isEqualTo(String.class);
                assertThat(components.get(subject)).as("subject %s of %s.%s", subject, type.name(), personal.getName())
                        .isEqualTo(UUID.class);
            }
        }
    }

    /** The list of the issue: a new free-text or name field must be marked, or this test says so. */
    @Test
    void theNamesAndFreeTextsOfTheDomainAreMarked() {
        List<String> marked = EventTypes.all().stream()
                .flatMap(type -> PersonalDataFields.of(type.javaType()).stream()
                        .map(c -> type.name() + "." + c.getName()))
                .toList();
        assertThat(marked).containsExactlyInAnyOrder("SetFormed.facilitatorName", "FacilitatorChanged.facilitatorName",
                "MemberJoined.displayName",
                "ChallengePresented.title", "ChallengePresented.summary", "QuestionAsked.text", "StatementMade.text",
                "ReflectionRecorded.text", "ActionCommitted.description", "ActionProgressReported.note",
                "ActionCompleted.evidence", "ActionAbandoned.reason", "ActionRescheduled.reason",
                "PulseAnswered.answers");
    }

    @Test
    void valuesAreThePersonalComponentsOfAnEvent() {
        var challenge = EventSamples.all().stream()
                .filter(e -> e instanceof org.actionlearning.events.learningset.ChallengePresented).findFirst()
                .orElseThrow();
        assertThat(PersonalDataFields.values(challenge))
                .containsExactly("Delayed discharges", "Wards wait for pharmacy");
    }
}
