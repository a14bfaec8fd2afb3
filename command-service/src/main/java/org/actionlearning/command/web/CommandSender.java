package org.actionlearning.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.actionlearning.command.access.CommandAccess;
import org.actionlearning.command.personaldata.ErasedPerson;
import org.actionlearning.command.personaldata.PersonalDataVault;
import org.actionlearning.events.envelope.Recorder;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.actionlearning.command.domain.DomainException;
import org.actionlearning.command.domain.UnknownEntity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Checks that the caller may send a command, sends it with the caller's name and waits for its outcome, timing it by command type, and turns "no such aggregate" into a
 * 404 that names the request field that held the unknown id.
 */
@Component
public class CommandSender {

    /**
     * Metadata keys of who sent a command, copied onto its events: the user (for the audit trail), the user's name
     * as published, the person they are (if any: how an erased recorder is recognised) and the role that let them
     * send it, published with each event.
     */
    public static final String AUDIT_USER = Recorder.USER;
    public static final String AUDIT_NAME = Recorder.NAME;
    public static final String AUDIT_PERSON = Recorder.PERSON;
    public static final String AUDIT_ROLE = Recorder.ROLE;

    private final CommandGateway gateway;
    private final MeterRegistry registry;
    private final CommandAccess access;
    private final PersonalDataVault vault;
    /** The timer of each command type and outcome, built once rather than built and looked up by tags per command. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(Class<?> command, String outcome) {
    }

    public CommandSender(CommandGateway gateway, MeterRegistry registry, CommandAccess access,
                         PersonalDataVault vault) {
        this.vault = vault;
        this.gateway = gateway;
        this.registry = registry;
        this.access = access;
    }

    public void send(Object command) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            Caller caller = Callers.current();
            Role role = access.check(command, caller);
            // who sent it travels in the command's metadata and from there into every event it causes: the audit
            // trail, and the recorder each published event names
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(sender(caller, role)));
        } catch (AggregateNotFoundException e) {
            outcome = "not_found";
            String field = targetField(command);
            throw new UnknownEntity(field, "no %s %s".formatted(describe(field), e.getAggregateIdentifier()));
        } catch (UnknownEntity e) {
            outcome = "not_found";
            throw e;
        } catch (NotPermitted e) {
            outcome = "forbidden";
            throw e;
        } catch (RuntimeException e) {
            DomainException refusal = domainCause(e);
            outcome = refusal != null ? refusal.getClass().getSimpleName() : e.getClass().getSimpleName();
            throw refusal != null ? refusal : e;
        } finally {
            sample.stop(timers.computeIfAbsent(new TimerKey(command.getClass(), outcome), this::timer));
        }
    }

    /**
     * Who sends a command. A person's username is published sealed with their key, as every name of a person is, so
     * that it is unreadable once they are erased (an erased person's name is not sealed again: it is left out).
     */
    private Map<String, Object> sender(Caller caller, Role role) {
        Map<String, Object> sender = new HashMap<>(Map.of(AUDIT_USER, caller.username(), AUDIT_ROLE, role.name()));
        if (caller.personId() == null) {
            sender.put(AUDIT_NAME, caller.username());
            return sender;
        }
        sender.put(AUDIT_PERSON, caller.personId().toString());
        try {
            sender.put(AUDIT_NAME, vault.seal(caller.personId(), caller.username()));
        } catch (ErasedPerson erased) {
            // recorded by an erased person: by role only
        }
        return sender;
    }

    /**
     * A rule checked by a handler in the appending transaction (e.g. a person of another organisation) reaches
     * here wrapped by the event processor: the caller gets the rule's 4xx naming the field, not a 500.
     */
    private static DomainException domainCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("als.commands")
                .description("commands handled, by type and outcome")
                .tag("command", key.command().getSimpleName())
                .tag("outcome", key.outcome())
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The record field that routes the command to its aggregate (Axon keeps the annotation on the field). */
    private static String targetField(Object command) {
        return Arrays.stream(command.getClass().getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(TargetAggregateIdentifier.class))
                .map(Field::getName).findFirst().orElse(null);
    }

    private static String describe(String field) {
        return field == null ? "aggregate" : field.replace("Id", "");
    }
}
