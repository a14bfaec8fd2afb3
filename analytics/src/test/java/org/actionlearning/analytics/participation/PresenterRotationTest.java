package org.actionlearning.analytics.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenterRotationTest {

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID cat = UUID.randomUUID();
    private final UUID dan = UUID.randomUUID();
    private final UUID formerMember = UUID.randomUUID();

    @Test
    void currentMembersWhoPresentedOverCurrentMembers() {
        // Ann presented twice and counts once; the former member is not a current member
        Double rotation = PresenterRotation.of(List.of(ann, bob, cat, dan), List.of(ann, ann, bob, formerMember));

        assertThat(rotation).isEqualTo(2.0 / 4);
    }

    @Test
    void everyonePresented() {
        assertThat(PresenterRotation.of(List.of(ann, bob), List.of(bob, ann))).isEqualTo(1.0);
    }

    @Test
    void nobodyPresented() {
        assertThat(PresenterRotation.of(List.of(ann, bob), List.of())).isEqualTo(0.0);
    }

    @Test
    void undefinedWithoutMembers() {
        assertThat(PresenterRotation.of(List.of(), List.of(formerMember))).isNull();
    }
}
