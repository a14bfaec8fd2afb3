package org.actionlearning.command.access;

import java.util.UUID;

/** A command a person sends about themself only: allowed to that person whatever their grants in the set. */
public interface AnsweredBySelf {

    UUID personId();
}
