package org.atende.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.SlaRisk;
import org.atende.tickets.TicketFilter;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

/**
 * Saved views through the facade, on each database by its subclasses: the filter kept whole (every field), who
 * sees and changes what, the count, and paging through a view by cursor.
 */
@SpringBootTest
@Import(MovingTime.class)
abstract class SavedViewsContract {

    @Autowired SavedViews views;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    DeskFixtures fixtures;
    OrganisationId acme;
    Actor carla;   // agent in the first line
    Actor tiago;   // agent in the first line
    Actor rita;    // agent in the second line
    Actor rui;     // lead of the first line
    Actor ana;     // customer
    TeamId firstLine;

    @BeforeEach
    void desk() {
        MovingTime.CLOCK.set("2026-11-26T10:00:00Z");
        fixtures = new DeskFixtures(jdbc);
        acme = fixtures.organisation("Acme", fixtures.plan(fixtures.standardPolicy(), "MEDIUM"));
        firstLine = fixtures.team("First line", "FIRST_LINE");
        TeamId secondLine = fixtures.team("Second line", "SECOND_LINE");
        carla = member(fixtures.staff(Role.AGENT, "Carla"), firstLine);
        tiago = member(fixtures.staff(Role.AGENT, "Tiago"), firstLine);
        rita = member(fixtures.staff(Role.AGENT, "Rita"), secondLine);
        rui = member(fixtures.staff(Role.LEAD, "Rui"), firstLine);
        ana = fixtures.customer(acme, "Ana");
    }

    Actor member(Actor a, TeamId team) {
        jdbc.sql("UPDATE app_user SET team_id = ? WHERE id = ?").params(team.value(), a.userId().value()).update();
        return a;
    }

    static TicketFilter ofOrganisation(OrganisationId org, String words) {
        return new TicketFilter(null, null, org.value(), null, null, null, null, null, words, null, null, null, null, null, null);
    }

    @Test
    void keepsEveryFieldOfTheFilterSortAndColumns() {
        TicketFilter filter = new TicketFilter(Set.of(TicketStatus.NEW, TicketStatus.OPEN), Set.of(org.atende.tickets.Priority.HIGH),
                acme.value(), carla.userId().value(), firstLine.value(), "export,billing", Channel.EMAIL,
                org.atende.tickets.TicketType.INCIDENT, "exportar faturas", false, "me", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), SlaRisk.AT_RISK, true);

        SavedView saved = views.create(new ViewDraft("Tudo", null, null, filter, TicketQuery.Sort.PRIORITY,
                List.of(ViewColumn.SUBJECT, ViewColumn.TAGS, ViewColumn.SUBJECT)), carla);

        SavedView read = views.get(saved.id(), carla);
        assertThat(read.filter()).isEqualTo(filter);
        assertThat(read.sort()).isEqualTo(TicketQuery.Sort.PRIORITY);
        assertThat(read.columns()).containsExactly(ViewColumn.SUBJECT, ViewColumn.TAGS);
        assertThat(read.scope()).isEqualTo(ViewScope.PERSONAL);
        assertThat(read.ownerId()).isEqualTo(carla.userId().value());
    }

    @Test
    void showsATeamsViewToItsMembersAndLeadsOnly() {
        SavedView team = views.create(new ViewDraft("Equipa", ViewScope.TEAM, null, null, null, null), rui);
        SavedView mine = views.create(new ViewDraft("Minha", null, null, null, null, null), carla);
        SavedView all = views.create(new ViewDraft("Todos", ViewScope.SHARED, null, null, null, null), rui);

        assertThat(views.list(tiago)).extracting(SavedView::id).contains(team.id(), all.id()).doesNotContain(mine.id());
        assertThat(views.list(rita)).extracting(SavedView::id).contains(all.id()).doesNotContain(team.id(), mine.id());
        assertThat(views.list(carla)).extracting(SavedView::id).startsWith(mine.id());
        assertThat(views.mayChange(team, tiago)).isFalse();
        assertThat(views.mayChange(team, rui)).isTrue();
        assertThatThrownBy(() -> views.delete(team.id(), tiago)).isInstanceOf(ErrorResponseException.class)
                .hasMessageContaining("403");
        assertThatThrownBy(() -> views.list(ana)).isInstanceOf(ErrorResponseException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> views.create(new ViewDraft("Partilha", ViewScope.SHARED, null, null, null, null), carla))
                .isInstanceOf(ErrorResponseException.class).hasMessageContaining("403");
    }

    @Test
    void countsAndPagesThroughItsTicketsByCursor() {
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TicketView t = tickets.open(new OpenTicket(acme, null, Channel.API, "Fatura " + i, "Não consigo exportar", null, null,
                    null, Set.of(), null), carla);
            opened.add(t.number());
        }
        SavedView view = views.create(new ViewDraft("Exportar", null, null, ofOrganisation(acme, "exporta"),
                TicketQuery.Sort.CREATED_DESC, null), carla);

        assertThat(views.counts(carla)).filteredOn(c -> c.view().id() == view.id()).singleElement()
                .satisfies(c -> {
                    assertThat(c.count()).isEqualTo(5);
                    assertThat(c.exact()).isTrue();
                });
        List<Long> walked = new ArrayList<>();
        String after = null;
        do {
            TicketPage page = views.tickets(view.id(), after, 2, carla);
            page.items().forEach(t -> walked.add(t.number()));
            after = page.next();
        } while (after != null);
        assertThat(walked).isEqualTo(opened.reversed());
    }
}
