package org.atende.macros;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what with macros. Every member of staff uses the macros they see: shared ones, their team's and
 * their own personal ones (leads see every team's, admins everything). Agents create and change their personal
 * macros; leads also team and shared ones; admins any macro, others' personal ones included. Customers none.
 */
final class MacroRules {

    private MacroRules() {
    }

    static boolean maySee(MacroView macro, Actor actor, @Nullable Long actorTeam) {
        if (!actor.isStaff()) {
            return false;
        }
        return switch (macro.scope()) {
            case SHARED -> true;
            case TEAM -> actor.hasAtLeast(Role.LEAD) || (actorTeam != null && actorTeam.equals(macro.teamId()));
            case PERSONAL -> actor.role() == Role.ADMIN || actor.userId().value() == java.util.Objects.requireNonNullElse(macro.ownerId(), -1L);
        };
    }

    /** May {@code actor} write a macro of {@code scope} owned by {@code owner} (personal ones only)? */
    static boolean mayWrite(MacroScope scope, @Nullable Long owner, Actor actor) {
        if (!actor.isStaff()) {
            return false;
        }
        if (actor.role() == Role.ADMIN) {
            return true;
        }
        return switch (scope) {
            case PERSONAL -> owner != null && owner == actor.userId().value();
            case TEAM, SHARED -> actor.role() == Role.LEAD;
        };
    }

    static boolean mayWrite(MacroView macro, Actor actor) {
        return mayWrite(macro.scope(), macro.ownerId(), actor);
    }
}
