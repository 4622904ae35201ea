package org.atende.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.DeskFixtures;
import org.atende.support.PageBrowser;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The routing pages over HTTP, signed in with a password: the rules' forms and order, the default team, availability
 * in the desk header and the hand-back question, and availability and languages on the user and account pages.
 */
class RoutingPagesIntegrationTests extends ApiIntegrationSupport {

    static final String PASSWORD = "routing rules in amber light";

    @LocalServerPort int port;
    @Autowired Tickets tickets;
    @Autowired RoutingRules rules;

    DeskFixtures desk;
    TeamId team;

    @BeforeEach
    void aTeam() {
        desk = new DeskFixtures(jdbc);
        team = desk.team("Primeira", "FIRST_LINE");
    }

    @AfterEach
    void forgetRules() {
        rules.list().forEach(r -> rules.delete(r.id()));
        rules.changeSettings(new RoutingRuleDraft.Action(null, "NONE"));
    }

    UserSummary person(Role role) {
        return identity.createUser(new UserDraft(unique(role.name().toLowerCase()) + "@vendor.example", "Person " + unique("P"), role,
                null, null, role == Role.ADMIN ? null : team, true, PASSWORD));
    }

    PageBrowser signedIn(UserSummary user) {
        return new PageBrowser(port).signIn(user.email(), PASSWORD);
    }

    @Test
    void aLeadWritesOrdersAndDeletesRulesWithProblemsBesideTheFields() {
        person(Role.AGENT);
        PageBrowser lead = signedIn(person(Role.LEAD));
        assertThat(lead.get("/admin/routing-rules").body()).contains("No default team: a ticket no rule matches stays unrouted");

        lead.get("/admin/routing-rules/new");
        HttpResponse<String> refused = lead.post("/admin/routing-rules", "name", "", "teamId", "", "method", "ROUND_ROBIN");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\" class=\"field-error\">Required.</p>");

        lead.get("/admin/routing-rules/new");
        HttpResponse<String> saved = lead.post("/admin/routing-rules", "name", "Espanhol", "active", "true", "languages", "ES",
                "channels", "EMAIL", "channels", "WHATSAPP", "words", "factura\nnota de crédito", "tags", "vip, Migração 2026",
                "teamId", Long.toString(team.value()), "method", "ROUND_ROBIN");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        lead.get("/admin/routing-rules/new");
        lead.post("/admin/routing-rules", "name", "Tudo", "active", "true", "teamId", Long.toString(team.value()), "method", "NONE");
        RoutingRule spanish = rules.list().getFirst();
        assertThat(spanish.conditions().words()).containsExactly("factura", "nota de crédito");
        assertThat(spanish.conditions().tags()).containsExactly("vip", "migração-2026");
        assertThat(spanish.conditions().channels()).hasSize(2);

        RoutingRule everything = rules.list().get(1);
        lead.get("/admin/routing-rules");
        assertThat(lead.post("/admin/routing-rules/" + everything.id() + "/move", "by", "-1").statusCode()).isEqualTo(302);
        assertThat(rules.list()).extracting(RoutingRule::name).containsExactly("Tudo", "Espanhol");

        assertThat(lead.get("/admin/routing-rules/" + spanish.id() + "/delete").body()).contains("Delete the rule “Espanhol”?");
        assertThat(lead.post("/admin/routing-rules/" + spanish.id() + "/delete").statusCode()).isEqualTo(302);
        assertThat(rules.list()).extracting(RoutingRule::name).containsExactly("Tudo");

        assertThat(lead.post("/admin/routing-settings", "teamId", Long.toString(team.value()), "method", "NONE").statusCode())
                .as("administrators set the default team").isEqualTo(403);
        PageBrowser admin = signedIn(person(Role.ADMIN));
        admin.get("/admin/routing-rules");
        HttpResponse<String> empty = admin.post("/admin/routing-settings", "teamId", Long.toString(desk.team("Vazia", "FIRST_LINE").value()),
                "method", "LEAST_OPEN_WORK");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("has no active members to give tickets to");
        admin.post("/admin/routing-settings", "teamId", Long.toString(team.value()), "method", "ROUND_ROBIN");
        assertThat(rules.settings().defaultTeamId()).isEqualTo(team.value());
        assertThat(signedIn(person(Role.AGENT)).get("/admin/routing-rules").statusCode()).isEqualTo(403);
    }

    @Test
    void goingAwayInTheDeskAsksWhetherToHandTheOpenTicketsBack() {
        UserSummary ines = person(Role.AGENT);
        Actor admin = identity.actor(identity.userByEmail(ADMIN_EMAIL).orElseThrow().id()).orElseThrow();
        Actor customer = desk.customer(desk.organisation("Padaria", desk.plan(desk.standardPolicy(), "MEDIUM")), "Joana");
        for (int i = 0; i < 2; i++) {
            TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Pedido " + i, "…", null, null, null, Set.of()), customer);
            tickets.update(t.id(), new TicketChanges(null, null, null, null, ines.id(), false, team, null), admin);
        }
        PageBrowser agent = signedIn(ines);
        agent.get("/desk");
        assertThat(agent.get("/desk/availability").body()).contains("Available", "value=\"AWAY\"");

        HttpResponse<String> question = agent.post("/desk/availability", "availability", "AWAY", "back", "/desk/queues/mine");
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("Hand back your 2 open tickets to the team queue?", "Hand back 2 tickets and go away");
        HttpResponse<String> kept = agent.post("/desk/availability", "availability", "AWAY", "handBack", "no", "back", "/desk/queues/mine");
        assertThat(kept.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/queues/mine?away=0"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE assignee_id = ?").param(ines.id().value()).query(Long.class).single()).isEqualTo(2);

        agent.get("/desk");
        agent.post("/desk/availability", "availability", "AVAILABLE", "back", "https://elsewhere.example/phish");
        agent.get("/desk");
        HttpResponse<String> handed = agent.post("/desk/availability", "availability", "AWAY", "handBack", "yes", "back", "//elsewhere.example");
        assertThat(handed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk?away=2"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE assignee_id = ?").param(ines.id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE kind = 'HANDED_BACK' AND actor_user_id = ?").param(ines.id().value())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(agent.get("/desk/availability").body()).contains("Away", "value=\"AVAILABLE\"");
    }

    @Test
    void administratorsSetAvailabilityAndLanguagesOnTheUserPageAndStaffTheirLanguagesOnTheirAccount() {
        UserSummary tiago = person(Role.AGENT);
        PageBrowser admin = signedIn(person(Role.ADMIN));
        assertThat(admin.get("/admin/users/" + tiago.id().value()).body()).contains("Availability and languages");
        HttpResponse<String> saved = admin.post("/admin/users/" + tiago.id().value() + "/availability", "availability", "AWAY",
                "languages", "ES", "languages", "PT");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT availability || ' ' || languages FROM app_user WHERE id = ?").param(tiago.id().value())
                .query(String.class).single()).isEqualTo("AWAY ES,PT");

        PageBrowser lead = signedIn(person(Role.LEAD));
        String readOnly = lead.get("/admin/users/" + tiago.id().value()).body();
        assertThat(readOnly).contains("Away", "Spanish").doesNotContain("/admin/users/" + tiago.id().value() + "/availability");
        assertThat(lead.post("/admin/users/" + tiago.id().value() + "/availability", "availability", "AVAILABLE").statusCode()).isEqualTo(403);

        PageBrowser own = signedIn(tiago);
        assertThat(own.get("/account").body()).contains("Languages they answer in");
        own.post("/account/languages", "languages", "EN");
        own.get("/account");
        own.post("/account/languages");
        assertThat(jdbc.sql("SELECT languages FROM app_user WHERE id = ?").param(tiago.id().value()).query(String.class).optional())
                .as("none ticked: none declared").isEmpty();
    }
}
