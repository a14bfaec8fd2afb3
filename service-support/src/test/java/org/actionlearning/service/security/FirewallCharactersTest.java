package org.actionlearning.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loops allow exactly what Spring Security's strict firewall allows with its regular expressions (copied here
 * from {@code StrictHttpFirewall} 6.5 as the reference): every code point alone and after an ASCII letter, lone and
 * paired surrogates, and the characters the services do see.
 */
class FirewallCharactersTest {

    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallJudgesIt() {
        List<String> disagreements = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            for (String text : List.of(Character.toString(c), "a" + Character.toString(c) + "b")) {
                if (FirewallCharacters.assignedAndNotControl(text) != NAME.matcher(text).matches()
                        || FirewallCharacters.headerValue(text) != VALUE.matcher(text).matches()) {
                    disagreements.add(Integer.toHexString(c));
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void surrogatesAloneAndInPairsAreJudgedAsTheFirewallJudgesThem() {
        List<String> texts = List.of("\uD83D\uDE00", "x\uD83D", "\uDE00x", "\uDE00\uD83D", "\uDB7F\uDFFF",
                "\uDBBF\uDFFE");
        for (String text : texts) {
            assertThat(FirewallCharacters.assignedAndNotControl(text)).as(text)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(FirewallCharacters.headerValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
        }
    }

    @Test
    void whatTheServicesSeeIsJudgedAsExpected() {
        assertThat(FirewallCharacters.headerValue("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x-_")).isTrue();
        assertThat(FirewallCharacters.headerValue("caf\u00e9\tau lait")).isTrue();
        assertThat(FirewallCharacters.assignedAndNotControl("caf\u00e9\tau lait")).isFalse();
        assertThat(FirewallCharacters.headerValue("a\u0085b")).isFalse();
        assertThat(FirewallCharacters.headerValue("a\u007fb")).isFalse();
        assertThat(FirewallCharacters.headerValue("a\u0378b")).isFalse(); // unassigned
        assertThat(FirewallCharacters.headerValue("")).isTrue();
    }
}
