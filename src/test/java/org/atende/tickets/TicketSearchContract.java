package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full-text search of the ticket list, on each database by its subclasses: stems in Portuguese, Spanish and
 * English, accents, what customers may find, ranking, snippets, filters with words, and keyset paging. Every
 * search is kept to this test's own organisations, as the database is shared with other tests.
 */
@SpringBootTest
@Import(MovingTime.class)
abstract class TicketSearchContract { // no @Nested classes: they would take the context of this class, not of the database's subclass

    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    @Autowired ErasedAuthors erasure;
    @Autowired TicketSearch index;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.atende.customers.Customers customers;

    DeskFixtures fixtures;
    OrganisationId acme;
    OrganisationId globex;
    Actor ana;      // customer at Acme
    Actor gil;      // customer at Globex
    Actor carla;    // an agent

    @BeforeEach
    void desk() {
        MovingTime.CLOCK.set("2026-11-26T10:00:00Z");
        fixtures = new DeskFixtures(jdbc);
        long plan = fixtures.plan(fixtures.standardPolicy(), "MEDIUM");
        acme = fixtures.organisation("Acme", plan);
        globex = fixtures.organisation("Globex", plan);
        ana = fixtures.customer(acme, "Ana Silva");
        gil = fixtures.customer(globex, "Gil Costa");
        carla = fixtures.staff(Role.AGENT, "Carla Agent");
    }

    TicketView open(OrganisationId org, String language, String subject, String body) {
        ContactId requester = fixtures.contact(org, "Requester", language);
        return tickets.open(new OpenTicket(org, requester, Channel.API, subject, body, null, null, null, Set.of(), null), carla);
    }

    TicketPage search(String words, Actor actor, OrganisationId... orgs) {
        return tickets.list(new TicketQuery(Set.of(), Set.of(), null, null, null, null, null, null, words, null, Set.of(orgs),
                TicketQuery.Sort.RELEVANCE, 0, 50), actor);
    }

    List<Long> numbers(TicketPage page) {
        return page.items().stream().map(TicketView::number).toList();
    }


    @Test
    void findsAPortugueseBodyByAnotherFormOfItsWords() {
        TicketView t = open(acme, "PT", "Relatórios", "O sistema não exporta a fatura de outubro");

        assertThat(numbers(search("exportar", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("faturas", carla, acme))).containsExactly(t.number());
    }

    @Test
    void findsASpanishBodyWhateverItsAccents() {
        TicketView t = open(acme, "ES", "Acceso", "No puedo iniciar sesión desde ayer");

        assertThat(numbers(search("sesiones", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("SESION", carla, acme))).containsExactly(t.number());
    }

    @Test
    void findsAnEnglishBodyByTheSingular() {
        TicketView t = open(acme, "EN", "Billing", "The invoices for March are wrong");

        assertThat(numbers(search("invoice", carla, acme))).containsExactly(t.number());
    }

    @Test
    void foldsAccentsOnBothSides() {
        TicketView t = open(acme, "PT", "Erro na exportação", "Nada mais");

        assertThat(numbers(search("exportacao", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("EXPORTAÇÃO", carla, acme))).containsExactly(t.number());
    }

    @Test
    void needsEveryWord() {
        TicketView both = open(acme, "PT", "Faturas", "Não consigo exportar as faturas");
        open(acme, "PT", "Faturas", "As faturas chegaram em duplicado");

        assertThat(numbers(search("exportar faturas", carla, acme))).containsExactly(both.number());
    }


    @Test
    void findsByNumberRequesterAndOrganisationName() {
        TicketView t = open(acme, "PT", "Pedido", "Olá");
        String org = jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(acme.value()).query(String.class).single();

        assertThat(numbers(search(Long.toString(t.number()), carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("requester", carla, acme))).contains(t.number());
        assertThat(numbers(search(org.split(" ")[1], carla, acme))).contains(t.number());
    }

    @Test
    void findsRepliesWrittenLater() {
        TicketView t = open(acme, "PT", "Pedido", "Olá");
        tickets.reply(t.id(), new Reply("A impressora avariou outra vez", false, null, null), carla);

        assertThat(numbers(search("impressoras", carla, acme))).containsExactly(t.number());
    }

    @Test
    void findsWhatARewriteOfTheEntryWouldFindAfterEachMessageAddsItsWords() {
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Pedido", "Olá", null, null, null, Set.of(),
                null), ana);
        tickets.reply(t.id(), new Reply("Confirmar o reembolso com a contabilidade", true, null, null), carla);
        tickets.reply(t.id(), new Reply("O reembolso segue amanhã", false, null, null), carla); // first a note's word, then public
        tickets.reply(t.id(), Reply.publicly("A impressora continua avariada"), ana);
        List<String> words = List.of("reembolso", "contabilidade", "impressoras", "avariar", "amanhã", "pedido", "ana");
        List<List<Long>> added = new ArrayList<>();
        for (String word : words) {
            added.add(numbers(search(word, ana, acme)));
            added.add(numbers(search(word, carla, acme)));
        }
        assertThat(added.get(0)).as("the customer finds a word once a public reply has it").containsExactly(t.number());
        assertThat(added.get(2)).as("a note's word alone").isEmpty();
        assertThat(added.get(3)).containsExactly(t.number());

        index.reindex(t.id().value());
        List<List<Long>> rewritten = new ArrayList<>();
        for (String word : words) {
            rewritten.add(numbers(search(word, ana, acme)));
            rewritten.add(numbers(search(word, carla, acme)));
        }
        assertThat(added).isEqualTo(rewritten);
    }

    @Test
    void findsTicketsByTheirRequestersAndOrganisationsNewNamesOnceRenamed() throws InterruptedException {
        TicketView t = open(acme, "PT", "Pedido", "Olá");
        tickets.reply(t.id(), Reply.publicly("Mais uma mensagem"), carla);
        org.atende.customers.ContactSummary requester = customers.contact(java.util.Objects.requireNonNull(t.requesterContactId())).orElseThrow();
        customers.updateContact(requester.id(), new org.atende.customers.ContactDraft("Bartolomeu Quintela", requester.email(),
                requester.phone(), requester.language()));
        org.atende.customers.OrganisationSummary org = customers.organisation(acme).orElseThrow();
        customers.updateOrganisation(acme, new org.atende.customers.OrganisationDraft("Zarabatana Lda", org.planId(), org.language(),
                org.calendarId(), org.emailDomains(), org.accountLeadId()));

        for (int i = 0; i < 100 && (numbers(search("quintela", carla, acme)).isEmpty() || numbers(search("zarabatana", carla, acme)).isEmpty()); i++) {
            Thread.sleep(100); // written again after the rename commits
        }
        assertThat(numbers(search("bartolomeu quintela", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("zarabatana", carla, acme))).containsExactly(t.number());
    }

    @Test
    void twoWritersReindexingOneTicketAtOnceBothCommitAndTheLastReadsWhatTheFirstCommitted() throws Exception {
        TicketView t = open(acme, "PT", "Pedido", "Olá");
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstIndexed = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = writers.submit(() -> tx.executeWithoutResult(s -> {
                index.reindex(t.id().value());
                firstIndexed.countDown();
                await(commitFirst);
            }));
            assertThat(firstIndexed.await(10, TimeUnit.SECONDS)).isTrue();
            // the organisation renamed after the first writer read the ticket, as a rename's listener would see it
            jdbc.sql("UPDATE organisation SET name = 'Quimeras Unidas ' || id WHERE id = ?").param(acme.value()).update();
            Future<?> second = writers.submit(() -> tx.executeWithoutResult(s -> index.reindex(t.id().value())));
            Thread.sleep(300); // the second writer is at the ticket the first holds
            commitFirst.countDown();
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        } finally {
            commitFirst.countDown();
            writers.shutdownNow();
        }
        assertThat(numbers(search("quimeras", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("pedido", carla, acme))).containsExactly(t.number());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void ranksASubjectMatchAboveABodyMatch() {
        TicketView inBody = open(acme, "PT", "Pedido", "A fatura de março está errada");
        TicketView inSubject = open(acme, "PT", "Fatura de março", "Está errada");

        assertThat(numbers(search("fatura", carla, acme))).containsExactly(inSubject.number(), inBody.number());
    }

    @Test
    void givesAnEscapedSnippetWithTheWordsMarked() {
        TicketView t = open(acme, "PT", "Pedido", "O ficheiro <b>exporta</b> vazio & sem linhas");

        TicketPage page = search("exportar", carla, acme);

        assertThat(page.snippet(t.id())).isEqualTo("O ficheiro &lt;b&gt;<mark>exporta</mark>&lt;/b&gt; vazio &amp; sem linhas");
    }

    @Test
    void combinesWordsWithFilters() {
        TicketView open = open(acme, "PT", "Faturas", "exportar");
        TicketView solved = open(acme, "PT", "Faturas", "exportar");
        tickets.update(solved.id(), TicketChanges.status(TicketStatus.OPEN), carla);

        TicketPage page = tickets.list(new TicketQuery(Set.of(TicketStatus.NEW), Set.of(), null, null, null, null, null,
                null, "faturas", null, Set.of(acme), TicketQuery.Sort.RELEVANCE, 0, 50), carla);

        assertThat(numbers(page)).containsExactly(open.number());
    }


    @Test
    void neverFindAnotherOrganisationsTicket() {
        TicketView ours = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Faturas", "exportar faturas", null, null,
                null, Set.of(), null), ana);
        tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Faturas", "exportar faturas", null, null, null, Set.of(),
                null), gil);

        assertThat(numbers(search("faturas", ana, acme, globex))).containsExactly(ours.number());
        assertThat(numbers(search("faturas", carla, acme, globex))).hasSize(2);
    }

    @Test
    void neverFindInternalNotesButStaffDo() {
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Pedido", "Olá", null, null, null, Set.of(),
                null), ana);
        tickets.reply(t.id(), new Reply("Cliente difícil, confirmar reembolso", true, null, null), carla);

        assertThat(numbers(search("reembolso", ana, acme))).isEmpty();
        assertThat(numbers(search("reembolso", carla, acme))).containsExactly(t.number());
    }

    @Test
    void getSnippetsOfPublicTextOnly() {
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Reembolso", "Olá", null, null, null,
                Set.of(), null), ana);
        tickets.reply(t.id(), new Reply("O reembolso é só para clientes difíceis", true, null, null), carla);

        String snippet = search("reembolso", ana, acme).snippet(t.id());

        assertThat(snippet).isEqualTo("<mark>Reembolso</mark>");
    }


    @Test
    void walksEveryTicketOnceByCursorInTheOrderOfTheList() {
        List<Long> opened = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            MovingTime.CLOCK.advance(java.time.Duration.ofMinutes(1));
            TicketView t = open(acme, "PT", "Pedido " + i, "Olá");
            opened.add(t.number());
            if (i % 3 == 0) {
                tickets.setNextDue(t.id(), null); // nothing due: these come last, by id
            }
        }
        for (TicketQuery.Sort sort : List.of(TicketQuery.Sort.DUE, TicketQuery.Sort.CREATED_DESC, TicketQuery.Sort.PRIORITY)) {
            TicketQuery first = new TicketQuery(Set.of(), Set.of(), acme, null, null, null, null, null, null, null, null,
                    sort, 0, 50);
            List<Long> whole = numbers(tickets.list(first, carla));
            List<Long> walked = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                TicketPage page = tickets.list(first.from(after, 3), carla);
                walked.addAll(numbers(page));
                after = page.next();
                pages++;
            } while (after != null);

            assertThat(walked).as(sort.name()).isEqualTo(whole).containsExactlyInAnyOrderElementsOf(opened);
            assertThat(pages).as(sort.name()).isEqualTo(3);
        }
    }

    @Test
    void pagesSearchResultsByCursorToo() {
        for (int i = 0; i < 5; i++) {
            open(acme, "PT", "Fatura " + i, "exportar");
        }
        TicketQuery q = new TicketQuery(Set.of(), Set.of(), null, null, null, null, null, null, "faturas", null,
                Set.of(acme), TicketQuery.Sort.RELEVANCE, 0, 2);
        TicketPage one = tickets.list(q, carla);
        TicketPage two = tickets.list(q.from(one.next(), 2), carla);
        TicketPage three = tickets.list(q.from(two.next(), 2), carla);

        assertThat(one.total()).isEqualTo(5);
        assertThat(one.totalExact()).isTrue();
        assertThat(numbers(one)).doesNotContainAnyElementsOf(numbers(two));
        assertThat(numbers(three)).hasSize(1);
        assertThat(three.next()).isNull();
    }

    @Test
    void forgetsTheWordsOfAnErasedContact() {
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, "Pedido", "A encomenda não chegou", null, null,
                null, Set.of(), null), ana);
        assertThat(numbers(search("silva", carla, acme))).containsExactly(t.number());
        assertThat(numbers(search("encomenda", carla, acme))).containsExactly(t.number());

        jdbc.sql("UPDATE contact SET name = ?, email = NULL WHERE id = ?").params(org.atende.customers.ContactErased.ERASED,
                ana.contactId().value()).update();
        erasure.on(new org.atende.customers.ContactErased(ana.contactId(), acme, Set.of("Ana Silva"), Set.of(),
                Set.of(ana.userId().value()), MovingTime.CLOCK.instant(), new java.util.HashMap<>()));

        assertThat(numbers(search("silva", carla, acme))).isEmpty();
        assertThat(numbers(search("encomenda", carla, acme))).isEmpty();
    }
}
