package org.atende.views;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with views. Staff see shared views, their team's (leads and admins: every team's) and their
 * own personal ones; a personal view is nobody else's business, not even an admin's. Everyone on staff makes
 * and changes their personal views; leads and admins also team and shared ones. Customers have no views.
 */
final class ViewRules {

    private ViewRules() {
    }

    static boolean maySee(SavedView view, Actor actor, @Nullable Long actorTeam) {
        if (!actor.isStaff()) {
            return false;
        }
        return switch (view.scope()) {
            case SHARED -> true;
            case TEAM -> actor.hasAtLeast(Role.LEAD) || (actorTeam != null && actorTeam.equals(view.teamId()));
            case PERSONAL -> view.ownerId() == actor.userId().value();
        };
    }

    /** May {@code actor} write a view of {@code scope} whose owner is {@code owner}? */
    static boolean mayWrite(ViewScope scope, long owner, Actor actor) {
        if (!actor.isStaff()) {
            return false;
        }
        return switch (scope) {
            case PERSONAL -> owner == actor.userId().value();
            case TEAM, SHARED -> actor.hasAtLeast(Role.LEAD);
        };
    }
}
