package org.atende.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.support.MutableClock;
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

/** Merged conversations, splitting a message off, and who has a ticket open; on each database by its subclasses. */
@SpringBootTest
@Import(MovingTime.class)
@RecordApplicationEvents
abstract class TicketWorkspaceContract {

    static final MutableClock CLOCK = MovingTime.CLOCK;

    @Autowired Tickets tickets;
    @Autowired TicketConversations conversations;
    @Autowired TicketSplits splits;
    @Autowired TicketPresence presence;
    @Autowired Attachments attachments;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    OrganisationId acme;
    Actor ana;
    Actor bea;     // a colleague of Ana's at Acme
    Actor agent;
    Actor other;

    @BeforeEach
    void desk() {
        CLOCK.set("2026-11-26T10:00:00Z");
        var f = new DeskFixtures(jdbc);
        long plan = f.plan(f.standardPolicy(), "MEDIUM", 100, "ACCEPT_AND_FLAG");
        acme = f.organisation("Acme", plan);
        ana = f.customer(acme, "Ana Silva");
        bea = f.customer(acme, "Beatriz Lopes");
        agent = f.staff(Role.AGENT, "Carla Agent");
        other = f.staff(Role.AGENT, "Duarte Agent");
    }

    TicketView open(Actor customer, String subject, String body) {
        return tickets.open(new OpenTicket(null, null, Channel.EMAIL, subject, body, null, null, null, Set.of()), customer);
    }

    static void assertProblem(Runnable call, HttpStatus status, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getBody().getType().toString()).isEqualTo(TicketProblems.BASE + type);
        });
    }

    @Test
    void showsTheMessagesOfMergedTicketsInTheConversationInTheOrderWritten() {
        TicketView target = open(ana, "Export fails", "first");
        CLOCK.advance(Duration.ofMinutes(5));
        TicketView dup = open(bea, "Export fails too", "second, from Bea");
        CLOCK.advance(Duration.ofMinutes(5));
        tickets.reply(target.id(), Reply.publicly("third, an answer"), agent);
        CLOCK.advance(Duration.ofMinutes(5));
        TicketView dupOfDup = open(ana, "Again", "fourth");
        tickets.merge(dupOfDup.id(), dup.id(), agent);
        CLOCK.advance(Duration.ofMinutes(5));
        tickets.merge(dup.id(), target.id(), agent);

        List<MessageView> conversation = conversations.of(target.id(), agent);

        assertThat(conversation).extracting(MessageView::body).startsWith("first", "second, from Bea", "third, an answer", "fourth");
        assertThat(conversation).filteredOn(m -> m.body().equals("second, from Bea")).singleElement()
                .satisfies(m -> assertThat(m.ticketId()).isEqualTo(dup.id()));
        assertThat(conversations.mergedInto(target.id())).containsOnlyKeys(dup.id(), dupOfDup.id())
                .containsEntry(dup.id(), dup.number());
        assertThat(conversation).filteredOn(m -> m.kind() == MessageKind.NOTE)
                .anySatisfy(m -> assertThat(m.body()).isEqualTo("#" + dup.number() + " “Export fails too” → #" + target.number()));
        // the customer reads the public ones, their own merged request's included, never a note
        assertThat(conversations.of(target.id(), ana)).extracting(MessageView::kind).doesNotContain(MessageKind.NOTE)
                .contains(MessageKind.AUTOMATIC);
        assertThat(tickets.messages(target.id(), agent)).extracting(MessageView::ticketId).containsOnly(target.id());
    }

    @Test
    void movesACustomersMessageWithItsFilesIntoANewTicketOfTheSameRequesterCountingFromWhenItWasWritten() {
        TicketView original = open(ana, "Invoices", "The invoice export fails.");
        CLOCK.advance(Duration.ofHours(1));
        tickets.reply(original.id(), Reply.publicly("Looking into it."), agent);
        CLOCK.advance(Duration.ofHours(1));
        Instant written = CLOCK.instant();
        MessageView second = tickets.reply(original.id(), Reply.publicly("Also: the app logs me out every hour.\nSince Monday."), bea);
        attachments.attach(original.id(), second.id(), "logout.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, bea);
        CLOCK.advance(Duration.ofMinutes(30));
        tickets.reply(original.id(), Reply.publicly("And thanks!"), ana);
        events.clear();

        TicketView split = splits.split(original.id(), second.id(), "", agent);

        assertThat(split.number()).isNotEqualTo(original.number());
        assertThat(split.organisationId()).isEqualTo(acme);
        assertThat(split.requesterContactId()).isEqualTo(bea.contactId());
        assertThat(split.subject()).isEqualTo("Also: the app logs me out every hour.");
        assertThat(split.receivedAt()).isEqualTo(written);
        assertThat(split.status()).isEqualTo(TicketStatus.NEW);
        assertThat(split.channel()).isEqualTo(Channel.EMAIL);
        assertThat(tickets.messagesOf(split.id())).extracting(MessageView::id).containsExactly(second.id());
        assertThat(tickets.messagesOf(original.id())).extracting(MessageView::body)
                .containsExactly("The invoice export fails.", "Looking into it.", "And thanks!");
        assertThat(attachments.of(split.id(), agent)).extracting(AttachmentView::filename).containsExactly("logout.png");
        assertThat(attachments.of(original.id(), agent)).isEmpty();
        assertThat(tickets.timeline(split.id(), agent)).extracting(TimelineEventView::kind)
                .contains("CREATED", "SPLIT_FROM", "QUOTA_TAKEN");
        assertThat(tickets.timeline(original.id(), agent)).filteredOn(e -> e.kind().equals("SPLIT_INTO")).singleElement()
                .satisfies(e -> assertThat(e.after()).isEqualTo("#" + split.number()));
        assertThat(events.stream(TicketOpened.class)).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo(split.id());
            assertThat(e.receivedAt()).isEqualTo(written);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_unit WHERE ticket_id = ?").param(split.id().value()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void refusesTheOpeningMessageAnAgentsReplyAClosedTicketAndCustomers() {
        TicketView t = open(ana, "Split me", "opening");
        MessageView reply = tickets.reply(t.id(), Reply.publicly("an answer"), agent);
        MessageView note = tickets.reply(t.id(), new Reply("a note", true, null, null), agent);
        long first = tickets.messagesOf(t.id()).getFirst().id();

        assertProblem(() -> splits.split(t.id(), first, null, agent), HttpStatus.CONFLICT, "split-refused");
        assertProblem(() -> splits.split(t.id(), reply.id(), null, agent), HttpStatus.CONFLICT, "split-refused");
        assertProblem(() -> splits.split(t.id(), note.id(), null, ana), HttpStatus.FORBIDDEN, "forbidden");
        TicketView another = open(ana, "Another", "x");
        assertProblem(() -> splits.split(another.id(), note.id(), null, agent), HttpStatus.NOT_FOUND, "not-found");
        TicketView fromNote = splits.split(t.id(), note.id(), "Internal follow-up", agent);
        assertThat(fromNote.requesterContactId()).isEqualTo(ana.contactId());
        assertThat(fromNote.subject()).isEqualTo("Internal follow-up");
        MessageView late = tickets.reply(t.id(), Reply.publicly("late"), ana);
        tickets.markSpam(t.id(), agent);
        assertProblem(() -> splits.split(t.id(), late.id(), null, agent), HttpStatus.CONFLICT, "split-refused");
    }

    @Test
    void showsWhoElseHasTheTicketOpenAndWhoIsReplyingUntilTheirPageStopsReporting() {
        TicketView t = open(ana, "Presence", "x");
        String mine = UUID.randomUUID().toString();

        assertThat(presence.report(t.id(), mine, false, agent)).isEmpty();
        presence.report(t.id(), "other-tab-1", false, other);
        presence.report(t.id(), "other-tab-2", true, other);

        assertThat(presence.report(t.id(), mine, true, agent)).singleElement().satisfies(p -> {
            assertThat(p.userId()).isEqualTo(other.userId());
            assertThat(p.replying()).isTrue();
        });
        assertThat(presence.others(t.id(), other)).singleElement().satisfies(p -> assertThat(p.replying()).isTrue());

        presence.leave(t.id(), "other-tab-2", other);
        assertThat(presence.others(t.id(), agent)).singleElement().satisfies(p -> assertThat(p.replying()).isFalse());

        CLOCK.advance(TicketPresence.EXPIRY.plusSeconds(1));
        assertThat(presence.others(t.id(), agent)).isEmpty();
        presence.report(t.id(), mine, false, agent); // reporting again forgets rows long gone, later
        CLOCK.advance(Duration.ofMinutes(3));
        presence.report(t.id(), mine, false, agent);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket_presence WHERE ticket_id = ?").param(t.id().value()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void keepsAnotherUsersPageIdTheirsAndCustomersOut() {
        TicketView t = open(ana, "Presence 2", "x");
        presence.report(t.id(), "shared-id", true, other);

        presence.report(t.id(), "shared-id", false, agent); // someone else's page id: nothing of theirs changes
        presence.leave(t.id(), "shared-id", agent);

        assertThat(presence.others(t.id(), agent)).singleElement().satisfies(p -> assertThat(p.replying()).isTrue());
        assertProblem(() -> presence.report(t.id(), "p", false, ana), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(() -> presence.report(t.id(), " ", false, agent), HttpStatus.BAD_REQUEST, "invalid-request");
    }
}
