package org.actionlearning.command.access;

/**
 * A command only the ADMIN of its organisation may send, though it targets a set: e.g. who facilitates the set,
 * which its facilitator does not decide for themself.
 */
public interface ForAdministrators {
}
