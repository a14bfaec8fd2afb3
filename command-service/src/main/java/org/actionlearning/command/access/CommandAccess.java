package org.actionlearning.command.access;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.NotPermitted;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Who may send a command, decided from where its target sits: an organisation's ADMIN may do anything in it;
 * a set's FACILITATOR records what happens in the set and follows up its actions; an action's owner reports on
 * their own action. A command that launches a programme names its organisation instead of a target.
 */
@Component
public class CommandAccess {

    private final ScopeDirectory directory;

    public CommandAccess(ScopeDirectory directory) {
        this.directory = directory;
    }

    public void check(Object command, Caller caller) {
        Optional<String> organisation = component(command, "organisation").map(String.class::cast);
        if (organisation.isPresent() || isLaunch(command)) {
            checkOrganisation(command, organisation.orElse(""), caller);
            return;
        }
        Scope scope = scopeOf(command);
        if (caller.isAdminOf(scope.organisation())) {
            return;
        }
        if (scope.setId() != null && caller.isFacilitatorOf(scope.setId())) {
            return;
        }
        if (scope.ownerId() != null && caller.isPerson(scope.ownerId())) {
            return;
        }
        throw new NotPermitted(command.getClass().getSimpleName() + " needs ADMIN of " + scope.organisation()
                + (scope.setId() == null ? "" : " or FACILITATOR of set " + scope.setId())
                + (scope.ownerId() == null ? "" : " or to be the action's owner"));
    }

    /** A blank organisation is the aggregate's to reject (400); any admin gets that far. */
    private static void checkOrganisation(Object command, String organisation, Caller caller) {
        boolean allowed = organisation.isBlank() ? caller.isAdmin() : caller.isAdminOf(organisation);
        if (!allowed) {
            throw new NotPermitted(command.getClass().getSimpleName() + " needs ADMIN of "
                    + (organisation.isBlank() ? "the organisation" : organisation));
        }
    }

    private static boolean isLaunch(Object command) {
        return Arrays.stream(command.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals("organisation"));
    }

    private Scope scopeOf(Object command) {
        RecordComponent target = Arrays.stream(command.getClass().getRecordComponents())
                .filter(c -> fieldAnnotated(command.getClass(), c.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(command.getClass() + " names no target aggregate"));
        UUID id = (UUID) value(command, target);
        if (id == null) {
            throw new InvalidCommandValue(target.getName(), "is required");
        }
        return directory.scopeOf(id).orElseThrow(() -> new UnknownEntity(target.getName(),
                "no %s %s".formatted(target.getName().replace("Id", ""), id)));
    }

    private static boolean fieldAnnotated(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Optional<Object> component(Object command, String name) {
        return Arrays.stream(command.getClass().getRecordComponents()).filter(c -> c.getName().equals(name))
                .findFirst().map(c -> value(command, c));
    }

    private static Object value(Object command, RecordComponent component) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
