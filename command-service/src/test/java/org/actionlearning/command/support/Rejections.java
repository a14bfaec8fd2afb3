package org.actionlearning.command.support;

import java.util.Objects;
import org.actionlearning.command.domain.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Matches the exception of a command an aggregate refused, for {@code AggregateTestFixture.expectException}. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * The command failed with an exception of {@code type} that names {@code field} (null: the state as a whole)
     * and whose message contains {@code message}.
     */
    public static Matcher<Throwable> rejected(Class<? extends DomainException> type, String field, String message) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                mismatch.appendText(actual.getClass().getSimpleName()).appendText(" on field ")
                        .appendValue(fieldOf(actual)).appendText(" with message ").appendValue(actual.getMessage());
                return type.isInstance(actual) && Objects.equals(field, fieldOf(actual))
                        && actual.getMessage() != null && actual.getMessage().contains(message);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName()).appendText(" on field ").appendValue(field)
                        .appendText(" with a message containing ").appendValue(message);
            }
        };
    }

    private static String fieldOf(Throwable exception) {
        return exception instanceof DomainException refused ? refused.field() : null;
    }
}
