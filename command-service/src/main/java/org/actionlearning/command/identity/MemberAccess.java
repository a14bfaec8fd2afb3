package org.actionlearning.command.identity;

import org.actionlearning.command.access.ScopeDirectory;
import org.actionlearning.events.learningset.MemberLeft;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A member removed from a set loses MEMBER:&lt;set&gt; in the very transaction that stores the removal, as a replaced
 * facilitator loses the set's grant ({@link FacilitatorAccess}): tokens and page sessions from before stop counting
 * it at once, and nothing is left for a client to finish.
 */
@Component
@ProcessingGroup(ScopeDirectory.PROCESSING_GROUP)
class MemberAccess {

    private final UserAccounts accounts;

    MemberAccess(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(MemberLeft e) {
        accounts.endMembership(e.setId(), e.personId());
    }
}
