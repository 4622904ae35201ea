package org.atende.macros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.atende.tickets.AgentReplied;
import org.atende.tickets.Channel;
import org.atende.tickets.MessageKind;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketAssigned;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketReclassified;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketStatusChanged;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/** Macros kept, searched and applied, run on each database by its subclasses. */
@SpringBootTest
@Import(MovingTime.class)
@RecordApplicationEvents
abstract class MacrosContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired Macros macros;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    DeskFixtures f;
    OrganisationId padaria;
    Actor joana;     // customer of Padaria, speaks Portuguese
    Actor carmen;    // customer of Padaria, speaks Spanish
    Actor ines;      // agent of the first line
    Actor tiago;     // agent of the first line
    Actor lucia;     // agent of the second line
    Actor rui;       // lead
    Actor marta;     // admin
    TeamId firstLine;
    TeamId secondLine;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-11-26T10:00:00Z"); // a Thursday, 10:00 in Lisbon
        jdbc.sql("DELETE FROM macro").update(); // shared macros would be seen by every test's people
        f = new DeskFixtures(jdbc);
        long plan = f.plan(f.standardPolicy(), "MEDIUM");
        padaria = f.organisation("Padaria Lusitana", plan);
        joana = f.customer(padaria, "Joana Ferreira", "PT");
        carmen = f.customer(padaria, "Carmen López", "ES");
        firstLine = f.team("Primeira linha", "FIRST_LINE");
        secondLine = f.team("Segunda linha", "SECOND_LINE");
        ines = member(f.staff(Role.AGENT, "Inês Duarte"), firstLine);
        tiago = member(f.staff(Role.AGENT, "Tiago Moreira"), firstLine);
        lucia = member(f.staff(Role.AGENT, "Lucía Romero"), secondLine);
        rui = f.staff(Role.LEAD, "Rui Lead");
        marta = f.staff(Role.ADMIN, "Marta Admin");
    }

    Actor member(Actor agent, TeamId team) {
        jdbc.sql("UPDATE app_user SET team_id = ? WHERE id = ?").params(team.value(), agent.userId().value()).update();
        return agent;
    }

    TicketView openAs(Actor customer, String subject) {
        return tickets.open(new OpenTicket(null, null, Channel.PORTAL, subject, "Não consigo exportar.", null, null, null,
                Set.of("export")), customer);
    }

    MacroView save(MacroDraft draft, Actor by) {
        MacroOutcome outcome = macros.create(draft, by);
        assertThat(outcome).as("%s", outcome).isInstanceOf(MacroOutcome.Saved.class);
        return ((MacroOutcome.Saved) outcome).macro();
    }

    static MacroTexts texts(String es, String pt, String en) {
        return new MacroTexts(es, pt, en);
    }

    MacroView askForLogs() {
        return save(new MacroDraft("Pedir registos", MacroScope.SHARED, null,
                texts("Hola {{contact.firstName}}, ¿nos envía el registro del ticket #{{ticket.number}}? Responderemos {{sla.resolutionDue}}.",
                        "Olá {{contact.firstName}}, pode enviar-nos o registo do pedido #{{ticket.number}} ({{ticket.subject}})? "
                                + "Respondemos {{sla.firstResponseDue}}. {{agent.firstName}}, {{organisation.name}}",
                        "Hello {{contact.firstName}}, could you send the log of ticket #{{ticket.number}}?"),
                new MacroActions(TicketStatus.WAITING_ON_CUSTOMER, Priority.HIGH, TicketType.INCIDENT, Set.of("Awaiting Logs"),
                        Set.of("export"), secondLine.value(), null, true)), rui);
    }

    static void assertProblem(Runnable call, HttpStatus status, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getBody().getType().toString()).isEqualTo("https://atende.example/problems/" + type);
        });
    }

    long uses(MacroView m) {
        return jdbc.sql("SELECT use_count FROM macro WHERE id = ?").param(m.id()).query(Long.class).single();
    }

    long reportedUses(MacroView m) {
        return jdbc.sql("SELECT COALESCE(SUM(uses), 0) FROM report_macro_use WHERE macro_id = ?").param(m.id()).query(Long.class).single();
    }

    @Test
    void sendsTheReplyInTheTicketsLanguageWithItsPlaceholdersFilledAndMakesItsChangesTogether() {
        TicketView t = openAs(joana, "Exportação falha");
        MacroView macro = askForLogs();

        MacroApplication done = macros.apply(t.id(), macro.macroId(), null, null, ines);

        String orgName = jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(padaria.value()).query(String.class).single();
        assertThat(done.message()).isNotNull();
        assertThat(done.message().kind()).isEqualTo(MessageKind.AGENT);
        assertThat(done.message().channel()).isEqualTo(Channel.PORTAL);
        assertThat(done.message().body()).isEqualTo("Olá Joana, pode enviar-nos o registo do pedido #" + t.number()
                + " (Exportação falha)? Respondemos até sex. 10:00. Inês, " + orgName);
        assertThat(done.applied().language()).isEqualTo(Language.PT);
        assertThat(done.applied().fallback()).isFalse();
        TicketView after = done.ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        assertThat(after.type()).isEqualTo(TicketType.INCIDENT);
        assertThat(after.tags()).containsExactly("awaiting-logs");
        assertThat(after.teamId()).isEqualTo(secondLine);
        assertThat(after.assigneeId()).isEqualTo(ines.userId());
        assertThat(tickets.timeline(t.id(), ines)).extracting(e -> e.kind() + ":" + (e.field() == null ? "" : e.field()))
                .containsSubsequence("MACRO_APPLIED:macro", "MESSAGE_ADDED:", "STATUS_CHANGED:status", "CHANGED:priority",
                        "CHANGED:type", "CHANGED:assignee", "CHANGED:team", "CHANGED:tags");
        assertThat(events.stream(AgentReplied.class)).hasSize(1);
        assertThat(events.stream(TicketStatusChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER));
        assertThat(events.stream(TicketReclassified.class)).hasSize(1);
        assertThat(events.stream(TicketAssigned.class)).hasSize(1);
        assertThat(events.stream(MacroApplied.class)).singleElement().satisfies(e -> {
            assertThat(e.macroId()).isEqualTo(macro.id());
            assertThat(e.organisationId()).isEqualTo(padaria);
        });
        assertThat(uses(macro)).isEqualTo(1);
        assertThat(reportedUses(macro)).isEqualTo(1);
    }

    @Test
    void answersASpanishRequesterInSpanishAndFallsBackToEnglishWithoutASpanishText() {
        MacroView both = askForLogs();
        MacroView noSpanish = save(new MacroDraft("Sin español", MacroScope.PERSONAL, null,
                texts(null, "Olá {{contact.firstName}}", "Hi {{contact.firstName}}, we answer {{sla.firstResponseDue}}"),
                MacroActions.NONE), ines);
        TicketView t = openAs(carmen, "Error al exportar");

        MacroPreview spanish = macros.preview(t.id(), both.macroId(), ines);
        MacroPreview english = macros.preview(t.id(), noSpanish.macroId(), ines);

        assertThat(spanish.language()).isEqualTo(Language.ES);
        assertThat(spanish.body()).startsWith("Hola Carmen, ¿nos envía el registro del ticket #" + t.number())
                .endsWith("Responderemos hasta el lun. 10:00.");
        assertThat(english.ticketLanguage()).isEqualTo(Language.ES);
        assertThat(english.language()).isEqualTo(Language.EN);
        assertThat(english.fallback()).isTrue();
        assertThat(english.body()).isEqualTo("Hi Carmen, we answer by Fri 10:00");
    }

    @Test
    void writesTheDocumentedFallbacksWhenTheTicketHasNoRequesterOrNoRunningClock() {
        TicketView t = tickets.open(new OpenTicket(padaria, null, Channel.API, "Pedido interno", "texto", TicketType.TECHNICAL_SERVICE,
                "log_query", null, Set.of()), ines);
        MacroView macro = save(new MacroDraft("Sem contacto", MacroScope.PERSONAL, null,
                texts(null, "Olá {{contact.firstName}} ({{contact.name}}): resposta {{sla.firstResponseDue}}, "
                        + "resolução {{sla.resolutionDue}}.", null), MacroActions.NONE), ines);

        MacroPreview preview = macros.preview(t.id(), macro.macroId(), ines);

        assertThat(preview.ticketLanguage()).isEqualTo(Language.PT); // the organisation's
        assertThat(preview.body()).isEqualTo("Olá cliente (cliente): resposta o mais brevemente possível, "
                + "resolução o mais brevemente possível.");
    }

    @Test
    void previewsWithoutChangingAnything() {
        TicketView t = openAs(joana, "Só ver");
        MacroView macro = askForLogs();

        MacroPreview preview = macros.preview(t.id(), macro.macroId(), tiago);

        assertThat(preview.changes()).extracting(MacroChange::field)
                .containsExactly("status", "priority", "type", "tags", "team", "assignee");
        assertThat(preview.changes().getFirst()).isEqualTo(new MacroChange("status", "NEW", "WAITING_ON_CUSTOMER"));
        assertThat(preview.changes()).contains(new MacroChange("tags", "export", "awaiting-logs"),
                new MacroChange("assignee", null, Long.toString(tiago.userId().value())));
        assertThat(preview.ticketVersion()).isEqualTo(t.version());
        assertThat(tickets.get(t.id(), tiago).version()).isEqualTo(t.version());
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
        assertThat(uses(macro)).isZero();
        assertThat(events.stream(MacroApplied.class)).isEmpty();
    }

    @Test
    void sendsTheTextTheAgentEditedWithItsPlaceholdersFilledAndRefusesOnesThatCannotBe() {
        TicketView t = openAs(joana, "Editado");
        MacroView macro = askForLogs();

        MacroApplication done = macros.apply(t.id(), macro.macroId(), "Olá {{contact.firstName}}, só falta o registo.", null, ines);

        assertThat(done.message().body()).isEqualTo("Olá Joana, só falta o registo.");
        TicketView other = openAs(joana, "Outro");
        assertProblem(() -> macros.apply(other.id(), macro.macroId(), "Olá {{contact.nickname}}", null, ines),
                HttpStatus.BAD_REQUEST, "invalid-macro-text");
        assertThat(tickets.messagesOf(other.id())).hasSize(1);
    }

    @Test
    void appliesOnlyTheActionsOfAMacroWithoutText() {
        TicketView t = openAs(joana, "Só ações");
        MacroView macro = save(new MacroDraft("Urgente", MacroScope.PERSONAL, null, MacroTexts.NONE,
                new MacroActions(TicketStatus.ON_HOLD, Priority.URGENT, null, Set.of(), Set.of(), null, null, false)), ines);

        MacroApplication done = macros.apply(t.id(), macro.macroId(), null, null, ines);

        assertThat(done.message()).isNull();
        assertThat(done.ticket().status()).isEqualTo(TicketStatus.ON_HOLD);
        assertThat(done.ticket().priority()).isEqualTo(Priority.URGENT);
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
    }

    @Test
    void doesNothingWhenAnActionIsRefused() {
        TicketView t = openAs(joana, "Fechar já");
        MacroView closes = save(new MacroDraft("Fechar", MacroScope.PERSONAL, null, texts(null, "Adeus {{contact.firstName}}", null),
                new MacroActions(TicketStatus.CLOSED, null, null, Set.of("closed-by-macro"), Set.of(), null, null, false)), ines);

        assertProblem(() -> macros.apply(t.id(), closes.macroId(), null, null, ines), HttpStatus.CONFLICT, "illegal-transition");

        assertThat(tickets.messagesOf(t.id())).hasSize(1);
        TicketView after = tickets.get(t.id(), ines);
        assertThat(after.tags()).containsExactly("export");
        assertThat(after.version()).isEqualTo(t.version());
        assertThat(uses(closes)).isZero();
        assertThat(reportedUses(closes)).isZero();
    }

    @Test
    void refusesATicketChangedSinceThePreviewWithNothingDone() {
        TicketView t = openAs(joana, "Mudou");
        MacroView macro = askForLogs();
        MacroPreview preview = macros.preview(t.id(), macro.macroId(), ines);
        tickets.update(t.id(), TicketChanges.priority(Priority.LOW), tiago);

        assertProblem(() -> macros.apply(t.id(), macro.macroId(), null, preview.ticketVersion(), ines), HttpStatus.CONFLICT, "stale");

        assertThat(tickets.messagesOf(t.id())).hasSize(1);
        assertThat(uses(macro)).isZero();
    }

    @Test
    void refusesAMacroWhoseAssigneeLeftSinceItWasSaved() {
        Actor owen = member(f.staff(Role.AGENT, "Owen Hughes"), secondLine);
        MacroView toOwen = save(new MacroDraft("Para o Owen", MacroScope.SHARED, null, texts(null, "Passo ao Owen.", null),
                new MacroActions(null, null, null, Set.of(), Set.of(), null, owen.userId().value(), false)), rui);
        jdbc.sql("UPDATE app_user SET active = FALSE WHERE id = ?").param(owen.userId().value()).update();
        TicketView t = openAs(joana, "Owen saiu");

        assertProblem(() -> macros.apply(t.id(), toOwen.macroId(), null, null, ines), HttpStatus.CONFLICT, "macro-not-applicable");
        assertThat(tickets.messagesOf(t.id())).hasSize(1);
    }

    @Test
    void countsEveryUseWhenManyAgentsApplyAMacroAtOnce() throws Exception {
        MacroView tag = save(new MacroDraft("Etiquetar", MacroScope.SHARED, null, MacroTexts.NONE,
                new MacroActions(null, null, null, Set.of("seen"), Set.of(), null, null, false)), rui);
        int agents = 16;
        List<TicketView> made = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            made.add(openAs(joana, "Ao mesmo tempo " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(agents)) {
            List<Future<MacroApplication>> futures = new ArrayList<>();
            for (TicketView t : made) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return macros.apply(t.id(), tag.macroId(), null, null, t.number() % 2 == 0 ? ines : tiago);
                }));
            }
            start.countDown();
            for (Future<MacroApplication> future : futures) {
                assertThat(future.get().ticket().tags()).contains("seen");
            }
        }
        assertThat(uses(tag)).isEqualTo(agents);
        assertThat(reportedUses(tag)).isEqualTo(agents);
    }

    @Test
    void refusesUnknownPlaceholdersListingEachOneAndEveryOtherProblem() {
        MacroOutcome outcome = macros.create(new MacroDraft(" ", MacroScope.PERSONAL, null,
                texts("Hola {{contact.nombre}}", "Olá {{contact.firstName}} {{ticket.owner}} {{contact.nombre}}", "Hi {{contact.firstName"),
                new MacroActions(null, null, null, Set.of("a,b"), Set.of(), null, 999_999L, false)), ines);

        assertThat(outcome).isInstanceOfSatisfying(MacroOutcome.Rejected.class, r -> {
            assertThat(r.unknownPlaceholders()).containsExactly("{{contact.nombre}}", "{{ticket.owner}}");
            assertThat(r.problems()).extracting(MacroProblem::field).contains("name", "texts.es", "texts.pt", "texts.en",
                    "actions.addTags", "actions.assigneeId");
            assertThat(r.problems()).extracting(MacroProblem::code).contains("name.blank", "placeholder.unknown",
                    "placeholder.unclosed", "tags.invalid", "assignee.unknown");
        });
        assertThat(macros.list(ines, null, null)).isEmpty();
    }

    @Test
    void refusesAMacroWithNeitherTextNorAction() {
        assertThat(macros.create(new MacroDraft("Vazia", MacroScope.PERSONAL, null, MacroTexts.NONE, MacroActions.NONE), ines))
                .isInstanceOfSatisfying(MacroOutcome.Rejected.class, r -> assertThat(r.problems())
                        .extracting(MacroProblem::code).containsExactly("macro.empty"));
    }

    @Test
    void letsAgentsKeepPersonalMacrosThatOnlyTheyAndAdminsSee() {
        MacroView mine = save(new MacroDraft("Minha", MacroScope.PERSONAL, null, texts(null, "Olá", null), MacroActions.NONE), ines);

        assertThat(mine.ownerId()).isEqualTo(ines.userId().value());
        assertThat(macros.list(ines, null, null)).extracting(MacroView::id).containsExactly(mine.id());
        assertThat(macros.list(tiago, null, null)).isEmpty();
        assertThat(macros.list(rui, null, null)).isEmpty();
        assertThat(macros.list(marta, null, null)).extracting(MacroView::id).containsExactly(mine.id());
        assertProblem(() -> macros.get(mine.macroId(), tiago), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> macros.delete(mine.macroId(), tiago), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> macros.apply(openAs(joana, "x").id(), mine.macroId(), null, null, tiago), HttpStatus.NOT_FOUND, "not-found");

        MacroOutcome byAdmin = macros.update(mine.macroId(), new MacroDraft("Minha, revista", MacroScope.PERSONAL, null,
                texts(null, "Olá de novo", null), MacroActions.NONE), mine.version(), marta);
        assertThat(byAdmin).isInstanceOfSatisfying(MacroOutcome.Saved.class, s -> {
            assertThat(s.macro().ownerId()).isEqualTo(ines.userId().value());
            assertThat(s.macro().version()).isEqualTo(mine.version() + 1);
        });
    }

    @Test
    void letsOnlyLeadsAndAdminsKeepTeamAndSharedMacros() {
        MacroDraft shared = new MacroDraft("Partilhada", MacroScope.SHARED, null, texts(null, "Olá", null), MacroActions.NONE);
        MacroDraft team = new MacroDraft("Da segunda linha", MacroScope.TEAM, secondLine.value(), texts(null, "Olá", null),
                MacroActions.NONE);

        assertProblem(() -> macros.create(shared, ines), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(() -> macros.create(team, lucia), HttpStatus.FORBIDDEN, "forbidden");
        MacroView s = save(shared, rui);
        MacroView tm = save(team, marta);

        assertThat(macros.list(lucia, null, null)).extracting(MacroView::name).containsExactly("Da segunda linha", "Partilhada");
        assertThat(macros.list(ines, null, null)).extracting(MacroView::name).containsExactly("Partilhada");
        assertThat(macros.list(rui, null, MacroScope.TEAM)).extracting(MacroView::id).containsExactly(tm.id());
        assertProblem(() -> macros.get(tm.macroId(), ines), HttpStatus.NOT_FOUND, "not-found");
        assertThat(macros.mayChange(s, ines)).isFalse();
        assertProblem(() -> macros.update(s.macroId(), shared, null, ines), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(() -> macros.delete(s.macroId(), ines), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(() -> macros.list(joana, null, null), HttpStatus.FORBIDDEN, "forbidden");
        // an agent may not turn a personal macro into a shared one
        MacroView mine = save(new MacroDraft("Minha", MacroScope.PERSONAL, null, texts(null, "Olá", null), MacroActions.NONE), ines);
        assertProblem(() -> macros.update(mine.macroId(), shared, null, ines), HttpStatus.FORBIDDEN, "forbidden");
        macros.delete(s.macroId(), rui);
        assertThat(macros.list(lucia, null, null)).extracting(MacroView::name).containsExactly("Da segunda linha");
    }

    @Test
    void refusesAChangeMadeOnAnOlderVersion() {
        MacroView m = save(new MacroDraft("Versões", MacroScope.PERSONAL, null, texts(null, "Um", null), MacroActions.NONE), ines);
        MacroDraft two = new MacroDraft("Versões", MacroScope.PERSONAL, null, texts(null, "Dois", null), MacroActions.NONE);
        macros.update(m.macroId(), two, m.version(), ines);

        assertProblem(() -> macros.update(m.macroId(), two, m.version(), ines), HttpStatus.CONFLICT, "stale");
    }

    @Test
    void findsMacrosByNameIgnoringCaseAndAccentsAndOffersTheMostUsedFirst() {
        MacroView resolution = save(new MacroDraft("Resolução confirmada", MacroScope.SHARED, null, texts(null, "Feito", null),
                MacroActions.NONE), rui);
        MacroView logs = save(new MacroDraft("Pedir registos", MacroScope.SHARED, null, texts(null, "Registos?", null),
                MacroActions.NONE), rui);
        save(new MacroDraft("Outra coisa", MacroScope.SHARED, null, texts(null, "x", null), MacroActions.NONE), rui);
        macros.apply(openAs(joana, "a").id(), logs.macroId(), null, null, ines);
        macros.apply(openAs(joana, "b").id(), logs.macroId(), null, null, ines);

        assertThat(macros.list(ines, "RESOLUCAO", null)).extracting(MacroView::id).containsExactly(resolution.id());
        assertThat(macros.pick(ines, "")).extracting(MacroView::id).first().isEqualTo(logs.id());
        assertThat(macros.pick(ines, "o")).extracting(MacroView::name)
                .containsExactly("Pedir registos", "Outra coisa", "Resolução confirmada");
    }

    @Test
    void keepsReportingADeletedMacrosUsesUnderItsName() {
        MacroView m = save(new MacroDraft("Temporária", MacroScope.SHARED, null, texts(null, "Olá", null), MacroActions.NONE), rui);
        macros.apply(openAs(joana, "c").id(), m.macroId(), null, null, ines);
        macros.delete(m.macroId(), rui);

        assertThat(jdbc.sql("SELECT macro_name FROM report_macro WHERE macro_id = ?").param(m.id()).query(String.class).single())
                .isEqualTo("Temporária");
        assertThat(reportedUses(m)).isEqualTo(1);
    }
}
