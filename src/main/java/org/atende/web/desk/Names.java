package org.atende.web.desk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** Names of organisations, users and teams for one request's pages, each looked up once. */
@Component
@RequestScope
class Names {

    private final Customers customers;
    private final Identity identity;
    private final Map<Long, String> organisations = new ConcurrentHashMap<>();
    private final Map<Long, String> users = new ConcurrentHashMap<>();

    Names(Customers customers, Identity identity) {
        this.customers = customers;
        this.identity = identity;
    }

    String organisation(OrganisationId id) {
        return organisations.computeIfAbsent(id.value(),
                k -> customers.organisation(id).map(o -> o.name()).orElse("#" + id.value()));
    }

    String user(UserId id) {
        return users.computeIfAbsent(id.value(), k -> identity.user(id).map(UserSummary::name).orElse("#" + id.value()));
    }

    @Nullable String team(@Nullable TeamId id) {
        return id == null ? null : identity.team(id).map(TeamSummary::name).orElse("#" + id.value());
    }

    @Nullable TeamId teamOf(Actor actor) {
        return identity.user(actor.userId()).map(UserSummary::teamId).orElse(null);
    }

    /** Staff who may be assigned tickets, active ones only. */
    List<UserSummary> staff() {
        return identity.users(0, 500).stream().filter(u -> u.role().isStaff() && u.active()).toList();
    }

    List<TeamSummary> teams() {
        return identity.teams();
    }
}
