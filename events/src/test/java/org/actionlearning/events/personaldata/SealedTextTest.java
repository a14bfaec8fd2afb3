package org.actionlearning.events.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedTextTest {

    private static final UUID PERSON = UUID.fromString("7b0c6a0e-2f51-4c1e-9a57-3c1f3e0b9d11");

    @Test
    void formatsAndParsesBack() {
        SealedText sealed = new SealedText(PERSON, new byte[] {1, 2, 3, (byte) 0xff});

        String token = sealed.format();

        assertThat(token).startsWith("pii:v1:" + PERSON + ":").isEqualTo(SealedText.prefixOf(PERSON) + "AQID_w");
        assertThat(SealedText.isSealed(token)).isTrue();
        assertThat(SealedText.subjectOf(token)).isEqualTo(PERSON);
        assertThat(SealedText.parse(token)).isEqualTo(sealed);
    }

    @Test
    void plainTextAndMalformedTokensAreNotSealed() {
        assertThat(SealedText.isSealed(null)).isFalse();
        assertThat(SealedText.isSealed("Zebedee Quillfeather")).isFalse();
        assertThat(SealedText.isSealed("pii:v1:not-a-uuid-at-all-not-a-uuid-at-all:AQID")).isFalse();
        assertThat(SealedText.isSealed("pii:v1:" + PERSON + ":")).isFalse();
        assertThat(SealedText.isSealed("pii:v1:" + PERSON + ":***")).isFalse();
        assertThat(SealedText.isSealed("pii:v1:" + PERSON + "AQID")).isFalse();
        assertThatThrownBy(() -> SealedText.subjectOf("plain")).isInstanceOf(IllegalArgumentException.class);
    }
}
