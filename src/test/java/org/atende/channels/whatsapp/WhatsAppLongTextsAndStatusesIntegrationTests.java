package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.support.MovingTime;
import org.atende.tickets.DeliveryState;
import org.atende.tickets.MessageView;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.Test;

/**
 * Answers longer than WhatsApp takes leave as ordered parts, one outbox message each, the next only after
 * the one before; the ticket shows one message with one delivery state. And statuses, in every order they
 * may arrive, only move a message forward: a late failure after delivery or reading undoes nothing.
 */
class WhatsAppLongTextsAndStatusesIntegrationTests extends WebhookTestSupport {

    static final Instant AT = Instant.parse("2026-11-25T09:50:00Z");

    record Conversation(String wa, TicketView ticket) {
    }

    /** A customer wrote a moment ago: the 24-hour window is open. */
    Conversation customerWrote() throws Exception {
        String phone = phone();
        contact(phone, Language.PT);
        String wa = phone.substring(1);
        signed(WebhookPayloads.messages(wa, "Ana", List.of(WebhookPayloads.text("wamid.L" + wa, wa, AT, "Como configuro a faturação?"))));
        processed();
        dispatch.runOnce(); // the acknowledgement
        GRAPH.reset();
        return new Conversation(wa, ticketOf("wamid.L" + wa));
    }

    static String longAnswer() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            paragraphs.add(("Passo " + i + ": abra o menu Faturação, escolha Configurações e confirme os dados da empresa. ").repeat(18).strip());
        }
        return String.join("\n\n", paragraphs);
    }

    List<String> wamidsOf(MessageView reply) {
        return jdbc.sql("SELECT channel_message_id FROM outgoing_message WHERE ticket_message_id = ? ORDER BY id").param(reply.id())
                .query(String.class).list();
    }

    DeliveryState stateOf(MessageView m) {
        return tickets.lookupMessage(m.id()).orElseThrow().deliveryState();
    }

    @Test
    void aLongAnswerLeavesInOrderedPartsAndTheTicketShowsOneMessageWithOneState() throws Exception {
        Conversation c = customerWrote();
        String text = longAnswer();
        assertThat(text.length()).isGreaterThan(9000);
        MessageView reply = tickets.reply(c.ticket().id(), Reply.publicly(text), agent());

        dispatch.runOnce();

        List<FakeGraphApi.Request> sent = GRAPH.messages();
        assertThat(sent).hasSize(3).allSatisfy(r -> {
            assertThat(r.json().path("type").asString()).isEqualTo("text");
            assertThat(r.json().path("text").path("body").asString().length()).isLessThanOrEqualTo(4096);
        });
        String joined = String.join("\n\n", sent.stream().map(r -> r.json().path("text").path("body").asString()).toList());
        assertThat(joined).as("in order, nothing lost").isEqualTo(text + "\n\n_Pedido #" + c.ticket().number() + "_");
        assertThat(tickets.messagesOf(c.ticket().id()).stream().filter(m -> m.body().equals(text))).as("one message on the ticket")
                .hasSize(1);
        assertThat(stateOf(reply)).isEqualTo(DeliveryState.SENT);

        List<String> wamids = wamidsOf(reply);
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamids.get(0), "delivered", AT.plusSeconds(60)),
                WebhookPayloads.status(wamids.get(2), "delivered", AT.plusSeconds(61)))));
        processed();
        assertThat(stateOf(reply)).as("delivered only when every part is").isEqualTo(DeliveryState.SENT);
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamids.get(1), "delivered", AT.plusSeconds(62)))));
        processed();
        assertThat(stateOf(reply)).isEqualTo(DeliveryState.DELIVERED);
        signed(WebhookPayloads.statuses(wamids.stream().map(w -> WebhookPayloads.status(w, "read", AT.plusSeconds(90))).toList()));
        processed();
        assertThat(stateOf(reply)).isEqualTo(DeliveryState.READ);
    }

    @Test
    void aPartWaitsForThePartBeforeItWhileThatOneIsRetried() throws Exception {
        Conversation c = customerWrote();
        MessageView reply = tickets.reply(c.ticket().id(), Reply.publicly(longAnswer()), agent());
        GRAPH.answerStatus(503); // the first part meets a Graph outage

        dispatch.runOnce();
        assertThat(GRAPH.messages()).as("only the first part was tried").hasSize(1);
        assertThat(stateOf(reply)).isEqualTo(DeliveryState.QUEUED);

        MovingTime.CLOCK.set(MovingTime.CLOCK.instant().plus(Duration.ofMinutes(1))); // past the first backoff
        dispatch.runOnce();
        List<String> bodies = GRAPH.messages().stream().skip(1).map(r -> r.json().path("text").path("body").asString()).toList();
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).startsWith("Passo 1");
        assertThat(bodies.get(2)).endsWith("_Pedido #" + c.ticket().number() + "_");
        assertThat(stateOf(reply)).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aPartThatFailsForGoodTakesTheLaterPartsWithIt() throws Exception {
        Conversation c = customerWrote();
        MessageView reply = tickets.reply(c.ticket().id(), Reply.publicly(longAnswer()), agent());
        GRAPH.acceptAs("wamid.PART1-" + c.wa()).answerError(400, 131026, "Message undeliverable", "Receiver is incapable of receiving");

        dispatch.runOnce();

        assertThat(GRAPH.messages()).hasSize(2);
        assertThat(jdbc.sql("SELECT state FROM outgoing_message WHERE ticket_message_id = ? ORDER BY id").param(reply.id())
                .query(String.class).list()).containsExactly("SENT", "FAILED", "FAILED");
        MessageView failed = tickets.lookupMessage(reply.id()).orElseThrow();
        assertThat(failed.deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.deliveryDetail()).contains("131026");
    }

    /** Every order the four statuses of one message may arrive in. */
    static List<List<String>> everyOrder() {
        List<List<String>> orders = new ArrayList<>();
        permute(new ArrayList<>(List.of("sent", "delivered", "read", "failed")), 0, orders);
        return orders;
    }

    private static void permute(List<String> items, int from, List<List<String>> into) {
        if (from == items.size()) {
            into.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, into);
            Collections.swap(items, from, i);
        }
    }

    /** What a message must show after its statuses came in this order: failed only if the failure came before delivery and reading. */
    static DeliveryState expected(List<String> order) {
        int failed = order.indexOf("failed");
        return failed < order.indexOf("delivered") && failed < order.indexOf("read") ? DeliveryState.FAILED : DeliveryState.READ;
    }

    @Test
    void statusesInEveryOrderOnlyMoveAMessageForward() throws Exception {
        List<List<String>> orders = everyOrder();
        assertThat(orders).hasSize(24).doesNotHaveDuplicates();
        ContactSummary ana = contact(phone(), Language.PT);
        Map<List<String>, MessageView> oneByOne = new java.util.LinkedHashMap<>();
        Map<List<String>, MessageView> together = new java.util.LinkedHashMap<>();
        for (List<String> order : orders) {
            oneByOne.put(order, sentReply(ana, "wamid.ORDER-" + UUID.randomUUID()));
            together.put(order, sentReply(ana, "wamid.ORDER-" + UUID.randomUUID()));
        }
        for (List<String> order : orders) {
            String a = wamidsOf(oneByOne.get(order)).getFirst();
            for (String status : order) { // one notification after another, as Meta retries and reorders them
                signed(WebhookPayloads.statuses(List.of(status(a, status))));
                processed();
            }
            String b = wamidsOf(together.get(order)).getFirst();
            signed(WebhookPayloads.statuses(order.stream().map(s -> status(b, s)).toList()));
        }
        processed();
        for (List<String> order : orders) {
            assertThat(stateOf(oneByOne.get(order))).as("one by one: " + order).isEqualTo(expected(order));
            assertThat(stateOf(together.get(order))).as("in one notification: " + order).isEqualTo(expected(order));
        }
    }

    static Map<String, Object> status(String wamid, String status) {
        return status.equals("failed") ? WebhookPayloads.failedStatus(wamid, AT, 131026, "Message undeliverable")
                : WebhookPayloads.status(wamid, status, AT);
    }

    @Test
    void aLateFailureAfterReadUndoesNothing() throws Exception {
        ContactSummary ana = contact(phone(), Language.PT);
        MessageView reply = sentReply(ana, "wamid.LATE-" + UUID.randomUUID());
        String wamid = wamidsOf(reply).getFirst();
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.status(wamid, "read", AT.plusSeconds(20)))));
        processed();
        signed(WebhookPayloads.statuses(List.of(WebhookPayloads.failedStatus(wamid, AT.plusSeconds(30), 131047, "Re-engagement message"))));
        processed();
        MessageView after = tickets.lookupMessage(reply.id()).orElseThrow();
        assertThat(after.deliveryState()).isEqualTo(DeliveryState.READ);
        assertThat(after.deliveryDetail()).isNull();
        assertThat(jdbc.sql("SELECT state FROM outgoing_message WHERE ticket_message_id = ?").param(reply.id()).query(String.class).single())
                .isEqualTo("SENT");
        assertThat(timelineOf(reply.ticketId())).noneSatisfy(e -> assertThat(e.kind()).isEqualTo("DELIVERY_FAILED"));
    }
}
