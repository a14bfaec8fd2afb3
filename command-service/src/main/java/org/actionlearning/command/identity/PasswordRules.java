package org.actionlearning.command.identity;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;
import org.passay.dictionary.sort.ArraysSort;
import org.springframework.stereotype.Component;

/**
 * What a password of the built-in identity store must be. bcrypt reads only the first 72 bytes, so a longer
 * password is refused (at sign-in too) rather than silently cut. A new password must also be at least 10
 * characters, not one of the common passwords in {@code identity/common-passwords.txt}, not contain the
 * username, and not contain a run of 5 such as {@code 12345}, {@code abcde} or {@code qwert}.
 */
@Component
public class PasswordRules {

    public static final int MAX_BYTES = 72;
    static final int MIN_LENGTH = 10;
    static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

    private final PasswordValidator strength;

    public PasswordRules() {
        try (Reader list = new InputStreamReader(Objects.requireNonNull(
                PasswordRules.class.getResourceAsStream(COMMON_PASSWORDS)), StandardCharsets.UTF_8)) {
            WordListDictionary common = new WordListDictionary(
                    WordLists.createFromReader(new Reader[] {list}, false, new ArraysSort()));
            strength = new PasswordValidator(List.of(new DictionaryRule(common), new UsernameRule(true, true),
                    new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
                    new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
                    new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a password bcrypt cannot take whole (400 naming the field), wherever a password is given. */
    public static void requireWithinLimit(String field, String password) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidCommandValue(field, "must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
    }

    /** Refuses a weak new password, saying why (400 naming the field). */
    public void requireStrong(String field, String username, String password) {
        requireWithinLimit(field, password);
        if (password.length() < MIN_LENGTH) {
            throw new InvalidCommandValue(field, "must be at least " + MIN_LENGTH + " characters");
        }
        RuleResult result = strength.validate(new PasswordData(username, password));
        if (!result.isValid()) {
            Set<String> reasons = new LinkedHashSet<>();
            for (RuleResultDetail detail : result.getDetails()) {
                reasons.add(reason(detail.getErrorCode()));
            }
            throw new InvalidCommandValue(field, String.join("; ", reasons));
        }
    }

    private static String reason(String code) {
        if (code.startsWith("ILLEGAL_WORD")) {
            return "is one of the most common passwords";
        }
        if (code.startsWith("ILLEGAL_USERNAME")) {
            return "must not contain the username";
        }
        if (code.startsWith("ILLEGAL_")) {
            return "must not contain a run of 5 such as 12345, abcde or qwert";
        }
        return "is too weak";
    }
}
