package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
import org.springframework.context.annotation.Import;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.web.ErrorResponseException;

/** The ticket rules, run on each database by its subclasses. */
@SpringBootTest(properties = "atende.attachments.max-size=2KB")
@Import(MovingTime.class)
@RecordApplicationEvents
abstract class TicketsContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired Tickets tickets;
    @Autowired AutoClose autoClose;
    @Autowired Attachments attachments;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    OrganisationId acme;
    OrganisationId globex;
    Actor ana;      // customer at Acme
    Actor bruno;    // customer at Globex
    Actor agent;
    TeamId secondLine;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-11-26T10:00:00Z");
        var f = new DeskFixtures(jdbc);
        long plan = f.plan(f.standardPolicy(), "MEDIUM");
        acme = f.organisation("Acme", plan);
        globex = f.organisation("Globex", plan);
        ana = f.customer(acme, "Ana Silva");
        bruno = f.customer(globex, "Bruno Costa");
        agent = f.staff(Role.AGENT, "Carla Agent");
        secondLine = f.team("Second line", "SECOND_LINE");
    }

    TicketView openAsAna(String subject) {
        return tickets.open(new OpenTicket(null, null, Channel.PORTAL, subject, "It does not work", null, null,
                Priority.URGENT, Set.of("Login")), ana);
    }

    static void assertProblem(Runnable call, HttpStatus status, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getBody().getType().toString()).isEqualTo(TicketProblems.BASE + type);
        });
    }

    @Test
    void opensWithThePlansDefaultPriorityAndKeepsTheCustomersSuggestionAside() {
        TicketView t = openAsAna("Cannot log in");
        assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(t.suggestedPriority()).isEqualTo(Priority.URGENT);
        assertThat(t.status()).isEqualTo(TicketStatus.NEW);
        assertThat(t.organisationId()).isEqualTo(acme);
        assertThat(t.requesterContactId()).isEqualTo(ana.contactId());
        assertThat(t.tags()).containsExactly("login");
        assertThat(t.receivedAt()).isEqualTo(CLOCK.instant());
        assertThat(events.stream(TicketOpened.class)).singleElement()
                .satisfies(e -> assertThat(e.receivedAt()).isEqualTo(CLOCK.instant()));
    }

    @Test
    void startsAtTheChannelsReceiptTimeButNeverInTheFuture() {
        Instant arrived = Instant.parse("2026-11-26T08:15:00Z");
        TicketView t = tickets.open(new OpenTicket(null, null, Channel.EMAIL, "Mail", "body", null, null, null, Set.of(), arrived), ana);
        assertThat(t.receivedAt()).isEqualTo(arrived);
        assertProblem(() -> tickets.open(new OpenTicket(null, null, Channel.EMAIL, "Mail", "body", null, null, null, Set.of(),
                CLOCK.instant().plusSeconds(1)), ana), HttpStatus.BAD_REQUEST, "invalid-request");
    }

    @Test
    void numbersTicketsInOrder() {
        long first = openAsAna("One").number();
        assertThat(openAsAna("Two").number()).isEqualTo(first + 1);
        assertThat(tickets.getByNumber(first, ana).subject()).isEqualTo("One");
    }

    @Test
    void aCustomerNeverReachesAnotherOrganisationsTicket() {
        TicketView t = openAsAna("Private");
        TicketId id = t.id();
        assertProblem(() -> tickets.get(id, bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.getByNumber(t.number(), bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.messages(id, bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.reply(id, Reply.publicly("hi"), bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.timeline(id, bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.update(id, TicketChanges.priority(Priority.LOW), bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.escalate(id, secondLine, "why", bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> tickets.escalations(id, bruno), HttpStatus.NOT_FOUND, "not-found");
        assertThat(tickets.list(TicketQuery.firstPage(), bruno).items()).extracting(TicketView::id).doesNotContain(id);
        assertThat(tickets.list(TicketQuery.firstPage(), ana).items()).extracting(TicketView::id).contains(id);
    }

    @Test
    void onlyStaffTriage() {
        TicketId id = openAsAna("Triage me").id();
        assertProblem(() -> tickets.update(id, TicketChanges.priority(Priority.URGENT), ana), HttpStatus.FORBIDDEN, "forbidden");
        TicketView triaged = tickets.update(id, TicketChanges.priority(Priority.HIGH), agent);
        assertThat(triaged.priority()).isEqualTo(Priority.HIGH);
        assertThat(triaged.triaged()).isTrue();
        assertThat(events.stream(TicketReclassified.class)).singleElement()
                .satisfies(e -> assertThat(e.priority()).isEqualTo(Priority.HIGH));
    }

    @Test
    void refusesAnIllegalTransitionAndSaysWhichAreAllowed() {
        TicketId id = openAsAna("Move me").id();
        assertThatThrownBy(() -> tickets.update(id, TicketChanges.status(TicketStatus.CLOSED), agent))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getBody().getType().toString()).endsWith("/illegal-transition");
                    assertThat(e.getBody().getProperties()).containsEntry("allowed",
                            java.util.List.of("OPEN", "WAITING_ON_CUSTOMER", "ON_HOLD", "RESOLVED"));
                });
        assertThat(tickets.get(id, agent).status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void anAgentsPublicReplyOpensTheTicketAndCountsAsAFirstResponse() {
        TicketId id = openAsAna("Help").id();
        CLOCK.advance(Duration.ofMinutes(30));
        tickets.reply(id, new Reply("Looking into it", false, TicketStatus.WAITING_ON_CUSTOMER, null), agent);
        assertThat(tickets.get(id, agent).status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(events.stream(AgentReplied.class)).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(Instant.parse("2026-11-26T10:30:00Z")));
        assertThat(events.stream(TicketStatusChanged.class)).singleElement()
                .satisfies(e -> assertThat(e.to()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER));
    }

    @Test
    void internalNotesNeverReachTheCustomerNorCountAsAReply() {
        TicketId id = openAsAna("Help").id();
        tickets.reply(id, new Reply("customer is on the old version", true, null, null), agent);
        assertThat(tickets.messages(id, ana)).extracting(MessageView::kind).containsExactly(MessageKind.CUSTOMER);
        assertThat(tickets.messages(id, agent)).extracting(MessageView::kind).containsExactly(MessageKind.CUSTOMER, MessageKind.NOTE);
        assertThat(events.stream(AgentReplied.class)).isEmpty();
    }

    @Test
    void theCustomersAnswerBringsAWaitingTicketBackAndReopensAResolvedOne() {
        TicketId id = openAsAna("Help").id();
        tickets.reply(id, new Reply("Which version?", false, TicketStatus.WAITING_ON_CUSTOMER, null), agent);
        tickets.reply(id, Reply.publicly("3.2"), ana);
        assertThat(tickets.get(id, ana).status()).isEqualTo(TicketStatus.OPEN);
        tickets.update(id, TicketChanges.status(TicketStatus.RESOLVED), agent);
        assertThat(tickets.get(id, ana).resolvedAt()).isEqualTo(CLOCK.instant());
        tickets.reply(id, Reply.publicly("It broke again"), ana);
        TicketView reopened = tickets.get(id, ana);
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(events.stream(TicketStatusChanged.class)).extracting(TicketStatusChanged::to)
                .containsExactly(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.OPEN, TicketStatus.RESOLVED, TicketStatus.OPEN);
    }

    @Test
    void customersCannotWriteNotesOrSetStatuses() {
        TicketId id = openAsAna("Help").id();
        assertProblem(() -> tickets.reply(id, new Reply("x", true, null, null), ana), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(() -> tickets.reply(id, new Reply("x", false, TicketStatus.RESOLVED, null), ana), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void escalationHandsTheTicketToAnotherTeamAndIsOnTheTimeline() {
        TicketId id = openAsAna("Database error").id();
        TicketView escalated = tickets.escalate(id, secondLine, "needs a database look", agent);
        assertThat(escalated.teamId()).isEqualTo(secondLine);
        assertThat(tickets.escalations(id, agent)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("needs a database look"));
        assertThat(tickets.timeline(id, agent)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ESCALATED");
            assertThat(e.after()).isEqualTo(secondLine.toString());
            assertThat(e.actor()).isEqualTo("Carla Agent");
        });
        assertProblem(() -> tickets.escalate(id, secondLine, "again", ana), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void everyChangeIsOnTheTimelineWithItsValuesBeforeAndAfter() {
        TicketId id = openAsAna("Audit me").id();
        tickets.update(id, new TicketChanges(Priority.URGENT, TicketType.INCIDENT, "login", TicketStatus.OPEN,
                agent.userId(), false, secondLine, Set.of("vip")), agent);
        var lines = tickets.timeline(id, agent);
        assertThat(lines).extracting(TimelineEventView::kind).first().isEqualTo("CREATED");
        assertThat(lines).filteredOn(e -> "priority".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.before() + "->" + e.after()).isEqualTo("MEDIUM->URGENT"));
        assertThat(lines).extracting(TimelineEventView::field)
                .contains("priority", "type", "category", "assignee", "team", "tags", "status");
    }

    @Test
    void closesResolvedTicketsAfterTheConfiguredDays() {
        TicketId id = openAsAna("Done").id();
        tickets.update(id, TicketChanges.status(TicketStatus.RESOLVED), agent);
        CLOCK.advance(Duration.ofDays(7).minusSeconds(1));
        autoClose.closeBatch(100);
        assertThat(tickets.get(id, ana).status()).isEqualTo(TicketStatus.RESOLVED);
        CLOCK.advance(Duration.ofSeconds(1));
        // the closing pass skips a ticket whose row another transaction holds (an after-commit listener that has
        // just written it, such as routing) and closes it on a later pass
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            autoClose.closeBatch(100);
            return tickets.get(id, ana).status() == TicketStatus.CLOSED;
        });
        assertProblem(() -> tickets.reply(id, Reply.publicly("one more thing"), ana), HttpStatus.CONFLICT, "illegal-transition");
    }

    @Test
    void listsWhatIsDueFirst() {
        TicketView late = openAsAna("later");
        TicketView soon = openAsAna("sooner");
        TicketView none = openAsAna("nothing due");
        tickets.setNextDue(late.id(), Instant.parse("2026-11-27T10:00:00Z"));
        tickets.setNextDue(soon.id(), Instant.parse("2026-11-26T12:00:00Z"));
        var q = new TicketQuery(Set.of(), Set.of(), acme, null, null, null, null, null, null, null, null, TicketQuery.Sort.DUE, 0, 10);
        assertThat(tickets.list(q, agent).items()).extracting(TicketView::id)
                .containsSubsequence(soon.id(), late.id(), none.id());
        assertThat(tickets.list(q, agent).total()).isGreaterThanOrEqualTo(3);
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Test
    void keepsAnAttachedFileAndItsBytesOnceForIdenticalUploads() {
        TicketId id = openAsAna("Screenshot").id();
        AttachmentView first = attachments.attach(id, null, "C:\\Users\\ana\\screen.png", "image/png", PNG, ana);
        AttachmentView again = attachments.attach(id, null, "copy.png", "image/png", PNG, agent);
        assertThat(first.filename()).isEqualTo("screen.png");
        assertThat(first.sha256()).isEqualTo(again.sha256());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attachment_content WHERE sha256 = ?").param(first.sha256())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(attachments.download(id, first.id(), ana).content()).isEqualTo(PNG);
        assertProblem(() -> attachments.download(id, first.id(), bruno), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(() -> attachments.attach(id, null, "x.png", "image/png", PNG, bruno), HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void refusesFilesThatAreNotWhatTheySayOrTooLargeOrOfAnUnacceptedType() {
        TicketId id = openAsAna("Files").id();
        assertProblem(() -> attachments.attach(id, null, "fake.png", "image/png", "hello".getBytes(), ana),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content-mismatch");
        assertProblem(() -> attachments.attach(id, null, "run.exe", "application/x-msdownload", new byte[] {'M', 'Z'}, ana),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
        assertProblem(() -> attachments.attach(id, null, "big.txt", "text/plain", "a".repeat(2049).getBytes(), ana),
                HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
        assertThat(attachments.attach(id, null, "notes.txt", "text/plain; charset=utf-8", "olá".getBytes(java.nio.charset.StandardCharsets.UTF_8), ana)
                .contentType()).isEqualTo("text/plain");
    }

    @Test
    void filesOnInternalNotesAreForStaffOnly() {
        TicketId id = openAsAna("Logs").id();
        MessageView note = tickets.reply(id, new Reply("server log attached", true, null, null), agent);
        attachments.attach(id, note.id(), "server.log", "text/plain", "ERROR x".getBytes(), agent);
        assertThat(attachments.of(id, agent)).hasSize(1);
        assertThat(attachments.of(id, ana)).isEmpty();
    }
}
