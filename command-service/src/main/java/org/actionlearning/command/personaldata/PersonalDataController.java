package org.actionlearning.command.personaldata;

import org.actionlearning.command.access.PersonDirectory;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.command.personaldata.PersonalDataVault.Erasure;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person (for administrators) and unsealing of personal values for the read side (service to service):
 * a decrypt API in the manner of a KMS, so that keys never leave the command service.
 */
@RestController
@Tag(name = "Personal data", description = "Right to erasure; unsealing of personal values for readers")
public class PersonalDataController {

    private final PersonErasure erasure;
    private final PersonalDataVault vault;
    private final PersonalDataProperties properties;

    private final PersonalDataIndex index;
    private final PersonDirectory people;

    public PersonalDataController(PersonErasure erasure, PersonalDataVault vault, PersonalDataProperties properties,
                                  PersonalDataIndex index, PersonDirectory people) {
        this.index = index;
        this.people = people;
        this.erasure = erasure;
        this.vault = vault;
        this.properties = properties;
    }

    /** @param tokens values as stored in events and read models */
    public record UnsealRequest(@NotNull List<@NotNull String> tokens) {
    }

    /**
     * @param values   each token's plaintext, or null where its subject was erased
     * @param rejected tokens that are not sealed tokens or were altered (also null in {@code values})
     */
    public record UnsealAnswer(Map<String, String> values, List<String> rejected) {
    }

    @DeleteMapping("/api/people/{personId}")
    @Operation(summary = "Erase a person", description = "Destroys the person's key, so that every name and text "
            + "sealed for them becomes unreadable in the event store, on the topic and in the read models, and "
            + "publishes PersonErased in each programme they have data in; counts stay. 204 also when the person "
            + "was already erased (nothing is published again); 404 for a person with no personal data, and for "
            + "another organisation's person.")
    public ResponseEntity<Void> erase(@PathVariable UUID personId) {
        // only administrators get further than this, before anything is looked up
        Caller caller = Callers.current();
        if (!caller.isAdmin()) {
            throw new NotPermitted("erasing a person needs ADMIN of their organisation");
        }
        // another organisation's person answers like an unknown id: which people exist elsewhere is not told
        boolean theirs = index.programmesOf(personId).isEmpty() || people.administers(caller, personId);
        Erasure outcome = theirs ? erasure.erase(personId, LocalDate.now(ZoneOffset.UTC)) : Erasure.UNKNOWN;
        if (outcome == Erasure.UNKNOWN) {
            throw new UnknownEntity("personId", "no personal data of person " + personId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/internal/personal-data/unseal")
    @Operation(summary = "Unseal personal values (service to service)", description = "The plaintext of each sealed "
            + "token, null where the person was erased.")
    public UnsealAnswer unseal(@Valid @RequestBody UnsealRequest request) {
        if (!Callers.current().isService()) {
            throw new NotPermitted("unsealing is for the platform's services (the built-in service user)");
        }
        if (request.tokens().size() > properties.maxUnsealTokens()) {
            throw new InvalidCommandValue("tokens", "at most " + properties.maxUnsealTokens() + " tokens per request");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        for (String token : request.tokens()) {
            try {
                values.put(token, vault.unseal(token).orElse(null));
            } catch (UnreadableToken e) {
                values.put(token, null);
                rejected.add(token);
            }
        }
        return new UnsealAnswer(values, rejected);
    }
}
