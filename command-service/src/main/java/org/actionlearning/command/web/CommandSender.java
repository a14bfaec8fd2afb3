package org.actionlearning.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.actionlearning.command.domain.UnknownEntity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its outcome, timing it by command type, and turns "no such aggregate" into a
 * 404 that names the request field that held the unknown id.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final MeterRegistry registry;

    public CommandSender(CommandGateway gateway, MeterRegistry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    public void send(Object command) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            outcome = "not_found";
            String field = targetField(command);
            throw new UnknownEntity(field, "no %s %s".formatted(describe(field), e.getAggregateIdentifier()));
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            sample.stop(Timer.builder("als.commands")
                    .description("commands handled, by type and outcome")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
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
