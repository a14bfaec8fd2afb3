package org.actionlearning.service.security;

/**
 * What a grant lets its holder do, each within a scope: ADMIN of an organisation (programmes, costs, users),
 * SPONSOR of a programme (aggregates only), FACILITATOR of a set (full detail, records meetings), MEMBER of a set
 * (the set's content, their own actions). SERVICE is another service of the platform calling in.
 */
public enum Role {
    ADMIN, SPONSOR, FACILITATOR, MEMBER, SERVICE
}
