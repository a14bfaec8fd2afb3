package org.actionlearning.command.learningset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.command.personaldata.PersonalDataVault;
import org.actionlearning.command.personaldata.PersonalText;
import org.springframework.stereotype.Component;

/**
 * Seals an attendee's pulse answers for them and opens them again. The sealed copy is the only place where the
 * person and their figures meet: it names the unlinked contribution ({@code responseId}) so that a second answer
 * can take the first one's place in the aggregates, and it is unreadable once the person is erased.
 */
@Component
public class PulseAnswers {

    /** What the person answered, as sealed for them. */
    public record Answers(UUID responseId, List<Integer> items, Integer usefulness, Integer confidence,
                          Integer commitment) {
    }

    private final PersonalText personal;
    private final PersonalDataVault vault;
    private final ObjectMapper json = new ObjectMapper();

    public PulseAnswers(PersonalText personal, PersonalDataVault vault) {
        this.personal = personal;
        this.vault = vault;
    }

    /** The answers sealed for {@code personId}; a 409 naming {@code personId} if they were erased. */
    public String seal(UUID personId, Answers answers) {
        try {
            return personal.seal("personId", personId, json.writeValueAsString(answers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pulse answers", e);
        }
    }

    /** The answers of a token; empty once the person is erased. */
    public Optional<Answers> open(String token) {
        return vault.unseal(token).map(text -> {
            try {
                return json.readValue(text, Answers.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("sealed pulse answers are not readable as answers", e);
            }
        });
    }
}
