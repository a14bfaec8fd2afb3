package org.actionlearning.command.identity;

import org.actionlearning.command.access.ScopeDirectory;
import org.actionlearning.events.learningset.FacilitatorChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A set's facilitator authority follows its facilitator: when another person facilitates the set, the accounts
 * of everyone else lose FACILITATOR:&lt;set&gt; in the very transaction that stores the change (the scopes' subscribing
 * processor), and the new facilitator's account gains it. Nothing is left for a client to finish, so a failure or
 * a race cannot leave the former facilitator with access; tokens they hold stop counting the grant (see
 * {@code revoked_grant}).
 */
@Component
@ProcessingGroup(ScopeDirectory.PROCESSING_GROUP)
class FacilitatorAccess {

    private final UserAccounts accounts;

    FacilitatorAccess(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(FacilitatorChanged e) {
        accounts.handOverFacilitation(e.setId(), e.facilitatorId());
    }
}
