package org.actionlearning.command.access;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.UUID;
import org.actionlearning.command.domain.InvalidCommandValue;
import org.actionlearning.command.domain.UnknownEntity;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Who may send a command, decided from where its target sits: an organisation's ADMIN may do anything in it;
 * a set's FACILITATOR records what happens in the set and follows up its actions; an action's owner reports on
 * their own action; a person answers for themself ({@link AnsweredBySelf}) as a member of the set, or of any set of
 * the programme for a command about the programme. A command that launches a programme names its organisation instead of a target.
 */
@Component
public class CommandAccess {

    private final ScopeDirectory directory;

    public CommandAccess(ScopeDirectory directory) {
        this.directory = directory;
    }

    /**
     * Throws {@link NotPermitted} unless the caller may send the command; returns the role that let them, the first
     * that does in the order checked (what the published events name as their recorder's role): ADMIN, FACILITATOR,
     * or MEMBER (an action's owner, or a member answering for themself).
     */
    public Role check(Object command, Caller caller) {
        Shape shape = SHAPES.get(command.getClass());
        if (shape.organisation() != null) {
            Object organisation = value(command, shape.organisation());
            checkOrganisation(command, organisation == null ? "" : (String) organisation, caller);
            return Role.ADMIN;
        }
        Scope scope = scopeOf(command, shape);
        if (caller.isAdminOf(scope.organisation())) {
            return Role.ADMIN;
        }
        if (command instanceof ForAdministrators) {
            throw refused(command, shape, scope, caller, command.getClass().getSimpleName()
                    + " needs ADMIN of its organisation");
        }
        if (scope.setId() != null && caller.isFacilitatorOf(scope.setId())) {
            return Role.FACILITATOR;
        }
        if (scope.ownerId() != null && caller.isPerson(scope.ownerId())) {
            return Role.MEMBER; // the action's owner, a member of the set that committed it
        }
        if (command instanceof AnsweredBySelf self && scope.setId() != null && caller.isMemberOf(scope.setId())
                && caller.isPerson(self.personId())) {
            return Role.MEMBER; // the set's aggregate checks that they attended
        }
        if (command instanceof AnsweredBySelf self && scope.setId() == null && caller.isPerson(self.personId())
                && directory.anySetOf(scope.programmeId(), caller.scopesOf(Role.MEMBER))) {
            // about the programme (an outcome metric): a member of any of its sets answers for themself
            return Role.MEMBER;
        }
        // which grants would do, but not whose: the organisation and set are not the caller's to learn
        throw refused(command, shape, scope, caller, command.getClass().getSimpleName()
                + " needs ADMIN of its organisation"
                + (scope.setId() == null ? "" : " or FACILITATOR of its set")
                + (scope.ownerId() == null ? "" : " or to be the action's owner"));
    }

    /**
     * A refusal: 403 saying which grant would do to a caller with some grant in the target's organisation (they may
     * know it exists); to anyone else the 404 of an unknown id, so that another organisation's ids cannot be told
     * from ids that exist nowhere (docs/trust.md).
     */
    private RuntimeException refused(Object command, Shape shape, Scope scope, Caller caller, String message) {
        boolean inOrganisation = directory.anyIn(scope.organisation(), java.util.stream.Stream.of(Role.SPONSOR,
                Role.FACILITATOR, Role.MEMBER).flatMap(role -> caller.scopesOf(role).stream())
                .collect(java.util.stream.Collectors.toSet()));
        return inOrganisation ? new NotPermitted(message) : unknown(shape.target(), (UUID) value(command,
                shape.target()));
    }

    /** A blank organisation is the aggregate's to reject (400); any admin gets that far. */
    private static void checkOrganisation(Object command, String organisation, Caller caller) {
        boolean allowed = organisation.isBlank() ? caller.isAdmin() : caller.isAdminOf(organisation);
        if (!allowed) {
            throw new NotPermitted(command.getClass().getSimpleName() + " needs ADMIN of "
                    + (organisation.isBlank() ? "the organisation" : organisation));
        }
    }

    private Scope scopeOf(Object command, Shape shape) {
        RecordComponent target = shape.target();
        if (target == null) {
            throw new IllegalStateException(command.getClass() + " names no target aggregate");
        }
        UUID id = (UUID) value(command, target);
        if (id == null) {
            throw new InvalidCommandValue(target.getName(), "is required");
        }
        return directory.scopeOf(id).orElseThrow(() -> unknown(target, id));
    }

    private static UnknownEntity unknown(RecordComponent target, UUID id) {
        return new UnknownEntity(target.getName(), "no %s %s".formatted(target.getName().replace("Id", ""), id));
    }

    /**
     * Where a command type names its organisation (a launch) or its target aggregate: found once per type, as
     * the record's components are copied afresh on every reflective look-up.
     */
    private record Shape(RecordComponent organisation, RecordComponent target) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalStateException(type + " is not a record");
            }
            RecordComponent organisation = Arrays.stream(components)
                    .filter(c -> c.getName().equals("organisation")).findFirst().orElse(null);
            RecordComponent target = Arrays.stream(components)
                    .filter(c -> fieldAnnotated(type, c.getName())).findFirst().orElse(null);
            return new Shape(organisation, target);
        }
    };

    private static boolean fieldAnnotated(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Object value(Object command, RecordComponent component) {
        try {
            return component.getAccessor().invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
