package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.atende.customers.ContactSummary;
import org.atende.notifications.ChannelStatuses;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.atende.notifications.OutboxDispatch;
import org.atende.customers.Language;
import org.atende.customers.OverQuotaPolicy;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.DeliveryState;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.atende.tickets.TimelineEventView;
import org.junit.jupiter.api.Test;

import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;

/** Mail in, mail out, against GreenMail: tickets, threads, acknowledgements, loops, bounces, retries. */
@org.springframework.context.annotation.Import(EmailChannelIntegrationTests.FailingIntake.class)
class EmailChannelIntegrationTests extends EmailTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    HealthEndpoint health;

    @org.springframework.beans.factory.annotation.Autowired org.atende.knowledge.KnowledgeBase knowledge;

    static final String FAILING_SUBJECT = "Falha antes do commit";

    /** Makes the desk fail inside the transaction of a ticket with a given subject: a crash before the commit. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class FailingIntake {

        @org.springframework.context.event.EventListener
        void on(org.atende.tickets.TicketOpened e) {
            if (FAILING_SUBJECT.equals(tickets.lookup(e.ticketId()).map(TicketView::subject).orElse(""))) {
                throw new IllegalStateException("the desk went down before the commit");
            }
        }

        @org.springframework.beans.factory.annotation.Autowired
        org.atende.tickets.Tickets tickets;
    }

    Actor agent() {
        long id = jdbc.sql("INSERT INTO app_user (email, name, role, created_at) VALUES (?, 'Inês Agent', 'AGENT', CURRENT_TIMESTAMP)")
                .param(java.util.UUID.randomUUID() + "@atende.test").update() > 0
                ? jdbc.sql("SELECT MAX(id) FROM app_user").query(Long.class).single() : 0;
        return new Actor(new UserId(id), "Inês Agent", Role.AGENT, null, null);
    }

    static String describe(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getSubject() + " " + header(m, "Message-ID");
            } catch (Exception e) {
                return "?";
            }
        }).toList().toString();
    }

    MimeMessage onlyMailTo(String address) {
        List<MimeMessage> sent = sentTo(address);
        assertThat(sent).hasSize(1);
        return sent.getFirst();
    }

    @Test
    void opensATicketFromAMailAndAcknowledgesItInTheContactsLanguage() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain("Ana Silva <" + ana.email() + ">", "Não consigo exportar", "first@" + domain, "",
                "Dá erro 500 ao exportar para PDF."));

        assertThat(poll().read()).isEqualTo(1);
        TicketView t = ticketOfMail("first@" + domain);
        assertThat(t.channel()).isEqualTo(Channel.EMAIL);
        assertThat(t.subject()).isEqualTo("Não consigo exportar");
        assertThat(t.requesterContactId()).isEqualTo(ana.id());
        assertThat(tickets.messagesOf(t.id())).first().extracting(MessageView::body).isEqualTo("Dá erro 500 ao exportar para PDF.");

        assertThat(dispatch.runOnce().sent()).isEqualTo(1);
        MimeMessage ack = onlyMailTo(ana.email());
        assertThat(ack.getSubject()).isEqualTo("Recebido: Não consigo exportar [#" + t.number() + "]");
        assertThat(header(ack, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(header(ack, "In-Reply-To")).isEqualTo("<first@" + domain + ">");
        assertThat(header(ack, "Message-ID")).endsWith("@atende.test>");
        String body = (String) ack.getContent();
        assertThat(body).contains("#" + t.number(), "objetivo de primeira resposta é de 1 dia útil", "quinta-feira, 26 de novembro, às 10:00",
                "Por favor responda por cima desta linha", "não compromissos vinculativos", "[ref:");
    }

    @Test
    void theAcknowledgementOffersMatchingHelpArticlesInTheContactsLanguage() throws Exception {
        String slug = "exportar-facturas-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        var es = knowledge.create(new org.atende.knowledge.ArticleDraft(slug, Language.ES, "Exportar facturas a Excel o PDF",
                "Cómo exportar y qué hacer si la exportación falla.",
                "Abra **Facturas**, filtre el mes y pulse **Exportar**. Si el PDF da error 500, pruebe un intervalo más corto.",
                null, null));
        knowledge.publish(es.id());
        var en = knowledge.create(new org.atende.knowledge.ArticleDraft(slug, Language.EN, "Export invoices to Excel or PDF",
                null, "Open **Invoices**, filter the month and click **Export**.", null, es.id()));
        knowledge.publish(en.id());

        String domain = domain();
        ContactSummary carmen = customer(domain, "Carmen López", Language.ES);
        deliver(plain(carmen.email(), "No puedo exportar las facturas", "kb@" + domain, "",
                "Al exportar las facturas de octubre a PDF sale un error 500."));
        poll();
        dispatch.runOnce();
        String body = ((String) onlyMailTo(carmen.email()).getContent()).replace("\r\n", "\n");
        assertThat(body).contains("Quizá estos artículos de nuestra ayuda resuelvan ya su consulta:",
                "- Exportar facturas a Excel o PDF\n  http://localhost:8080/help/es/" + slug)
                .doesNotContain("/help/en/");

        ContactSummary javier = customer(domain(), "Javier Ruiz", Language.ES);
        deliver(plain(javier.email(), "Reunión del jueves", "kb2@" + domain, "", "¿Podemos cambiar la reunión al viernes?"));
        poll();
        dispatch.runOnce();
        assertThat((String) onlyMailTo(javier.email()).getContent()).doesNotContain("Quizá estos artículos", "/help/");
    }

    @Test
    void marksTheMailSeenOnlyOnceTheTicketIsCommitted() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Seen after commit", "seen@" + domain, "", "Olá"));
        poll();
        var folder = mail.getManagers().getImapHostManager().getInbox(supportBox);
        assertThat(folder.getMessages()).allSatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void neverOpensTwoTicketsForOneMailReadTwiceOrAfterACrashBetweenCommitAndFlag() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        String raw = plain(ana.email(), "Uma vez só", "once@" + domain, "", "Só uma vez.");
        // the desk committed this mail, then died before flagging it: it is still unseen in the mailbox
        assertThat(inbound.accept("support", raw.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), null).kind())
                .isEqualTo(InboundOutcome.Kind.TICKET_OPENED);
        deliver(raw);
        MailboxPoller.Result again = poll();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.read()).isZero();
        assertThat(poll().read() + poll().duplicates()).as("flagged: nothing left to read").isZero();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Uma vez só'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", "once@" + domain)).isEqualTo(1);
    }

    @Test
    void aFailureBeforeTheCommitLeavesTheMailUnseenAndThenKeepsItAsUnreadable() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), FAILING_SUBJECT, "fail@" + domain, "", "Isto vai falhar."));
        assertThat(poll().failed()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id = ?", "fail@" + domain)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = ?", FAILING_SUBJECT)).isZero();
        var inbox = mail.getManagers().getImapHostManager().getInbox(supportBox);
        assertThat(inbox.getMessages()).anySatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isFalse());

        assertThat(poll().failed()).as("read again: still failing").isEqualTo(1);
        poll(); // the third failure: kept with its source, flagged, never read again
        assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?").param("fail@" + domain).query(String.class).single())
                .isEqualTo("UNREADABLE");
        assertThat(count("SELECT COUNT(*) FROM inbound_mail_source s JOIN inbound_mail i ON i.id = s.inbound_mail_id WHERE i.message_id = ?",
                "fail@" + domain)).isEqualTo(1);
        assertThat(inbox.getMessages()).allSatisfy(m -> assertThat(m.getFlags().contains(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void anAcknowledgementOnAClosedDaySaysWhenTheDeskOpens() throws Exception {
        MovingTime.CLOCK.set("2026-11-28T15:00:00Z"); // a Saturday; Tuesday 1 December is a public holiday
        String domain = domain();
        ContactSummary emma = customer(domain, "Emma Clarke", Language.EN);
        // handed over as the poller does, but received now by the test's clock (the test server stamps real time)
        inbound.accept("support", plain(emma.email(), "Weekend question", "weekend@" + domain, "", "Hello.")
                .replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        dispatch.runOnce();
        String body = (String) onlyMailTo(emma.email()).getContent();
        assertThat(body).contains("outside support hours (09:00–21:00 Lisbon time, working days)",
                "we are back on Monday 30 November at 09:00 (Lisbon time)", "first-response target is 1 business day",
                "by Wednesday 2 December at 09:00", "service targets, not binding commitments");
    }

    @Test
    void threadsAReplyToTheDesksMailByInReplyToAndFoldsTheQuote() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Impressora", "q1@" + domain, "", "A impressora não imprime."));
        poll();
        TicketView t = ticketOfMail("q1@" + domain);
        tickets.reply(t.id(), new Reply("Já reiniciou o serviço?", false, TicketStatus.WAITING_ON_CUSTOMER, null), agent());
        dispatch.runOnce();
        MimeMessage reply = sentTo(ana.email()).stream().filter(m -> {
            try {
                return header(m, "Auto-Submitted") == null;
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        String replyId = header(reply, "Message-ID");
        assertThat(reply.getSubject()).isEqualTo("Re: Impressora [#" + t.number() + "]");

        deliver(plain(ana.email(), "outro assunto qualquer", "q2@" + domain, "In-Reply-To: " + replyId,
                "Sim, e continua igual.\n\nOn Wed, 25 Nov 2026 at 10:05, Suporte <support@atende.test> wrote:\n> Já reiniciou o serviço?"));
        poll();
        assertThat(ticketOfMail("q2@" + domain).id()).isEqualTo(t.id());
        List<MessageView> conversation = tickets.messagesOf(t.id());
        assertThat(conversation.getLast().body()).isEqualTo("Sim, e continua igual.");
        assertThat(conversation.getLast().kind()).isEqualTo(MessageKind.CUSTOMER);
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).as("the customer's answer ends the wait").isEqualTo(TicketStatus.OPEN);
        assertThat(conversation.stream().filter(m -> m.kind() == MessageKind.AGENT).findFirst().orElseThrow().deliveryState())
                .isEqualTo(DeliveryState.SENT);
    }

    @Test
    void threadsByReferencesBySubjectTagAndByBodyMarker() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Três caminhos", "r1@" + domain, "", "Primeira."));
        poll();
        TicketView t = ticketOfMail("r1@" + domain);
        dispatch.runOnce();
        MimeMessage ack = onlyMailTo(ana.email());

        deliver(plain(ana.email(), "sem etiqueta", "r2@" + domain, "References: <unknown@elsewhere> <r1@" + domain + ">", "Por referências."));
        deliver(plain(ana.email(), "Re: qualquer coisa [#" + t.number() + "]", "r3@" + domain, "", "Pela etiqueta."));
        String marker = ((String) ack.getContent()).lines().filter(l -> l.startsWith("[ref:")).findFirst().orElseThrow();
        deliver(plain(ana.email(), "o fornecedor mudou o Message-ID", "r4@" + domain, "In-Reply-To: <rewritten@outlook.example>",
                "Pelo marcador.\n\n> " + marker));
        poll();
        assertThat(List.of("r2@", "r3@", "r4@")).allSatisfy(id -> assertThat(ticketOfMail(id + domain).id()).isEqualTo(t.id()));
        assertThat(tickets.messagesOf(t.id())).extracting(MessageView::body)
                .contains("Por referências.", "Pela etiqueta.", "Pelo marcador.");
    }

    @Test
    void aReplyFromSomeoneNotTakingPartOpensALinkedTicket() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Acesso", "p1@" + domain, "", "Preciso de acesso."));
        poll();
        TicketView t = ticketOfMail("p1@" + domain);
        deliver(plain("Pedro <pedro@" + domain + ">", "Re: Acesso [#" + t.number() + "]", "p2@" + domain,
                "In-Reply-To: <p1@" + domain + ">", "Eu também preciso."));
        poll();
        TicketView linked = ticketOfMail("p2@" + domain);
        assertThat(linked.id()).isNotEqualTo(t.id());
        assertThat(linked.organisationId()).as("a new contact of the domain's organisation").isEqualTo(t.organisationId());
        assertThat(tickets.timeline(t.id(), agent())).extracting(TimelineEventView::kind).contains("LINKED");
        assertThat(tickets.timeline(linked.id(), agent())).anySatisfy(e -> assertThat(e.detail()).contains("#" + t.number()));
    }

    @Test
    void aReplyToAClosedTicketOpensAFollowUp() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Antigo", "c1@" + domain, "", "Pedido antigo."));
        poll();
        TicketView t = ticketOfMail("c1@" + domain);
        tickets.markSpam(t.id(), agent()); // closed
        deliver(plain(ana.email(), "Re: Antigo [#" + t.number() + "]", "c2@" + domain, "In-Reply-To: <c1@" + domain + ">", "Outra vez."));
        poll();
        assertThat(ticketOfMail("c2@" + domain).id()).isNotEqualTo(t.id());
    }

    @Test
    void anUnknownSenderBecomesAContactOfTheTriageOrganisation() throws Exception {
        deliver(plain("Zé Ninguém <ze@nowhere-" + java.util.UUID.randomUUID() + ".example>", "Quem sou", "u1@nowhere.example", "", "Olá."));
        poll();
        TicketView t = ticketOfMail("u1@nowhere.example");
        assertThat(customers.organisation(t.organisationId()).orElseThrow().name()).isEqualTo("Triage");
        assertThat(customers.contact(t.requesterContactId()).orElseThrow().name()).isEqualTo("Zé Ninguém");
    }

    @Test
    void automatedMailOpensNothingAndGetsNoAnswer() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Alerta", "a1@" + domain, "Auto-Submitted: auto-generated", "CPU a 97%."));
        deliver(plain(ana.email(), "Newsletter", "a2@" + domain, "List-Id: <news." + domain + ">", "Novidades."));
        deliver(plain(ana.email(), "Sistema", "a3@" + domain, "Return-Path: <>", "Exportação concluída."));
        deliver(plain(SUPPORT, "Loop", "a4@" + domain, "", "O nosso próprio e-mail."));
        deliver(plain(ana.email(), "Precedence", "a5@" + domain, "Precedence: bulk", "Promoções."));
        poll();
        assertThat(count("SELECT COUNT(*) FROM inbound_mail WHERE message_id LIKE ? AND outcome = 'IGNORED' AND ticket_id IS NULL",
                "a_@" + domain)).isEqualTo(5);
        dispatch.runOnce();
        assertThat(sentTo(ana.email())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ?", SUPPORT)).as("the desk never writes to itself")
                .isZero();
    }

    @Test
    void anOutOfOfficeIsKeptOnItsTicketWithoutReopeningIt() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Licença", "o1@" + domain, "", "Pedido de licença."));
        poll();
        TicketView t = ticketOfMail("o1@" + domain);
        tickets.reply(t.id(), new Reply("Pode enviar o NIF?", false, TicketStatus.WAITING_ON_CUSTOMER, null), agent());
        dispatch.runOnce();
        deliver(plain(ana.email(), "Resposta automática: Re: Licença [#" + t.number() + "]", "o2@" + domain,
                "In-Reply-To: <o1@" + domain + ">\nAuto-Submitted: auto-replied", "Estou de férias até dia 30."));
        poll();
        assertThat(tickets.lookup(t.id()).orElseThrow().status()).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertThat(tickets.messagesOf(t.id()).getLast()).satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(m.body()).contains("férias");
        });
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE ticket_id = ? AND purpose = 'ACKNOWLEDGEMENT'", t.id().value()))
                .as("no acknowledgement of an automatic answer").isEqualTo(1);
    }

    @Test
    void aBounceMarksTheReplyItAnswersFailedOnTheTicket() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        deliver(plain(ana.email(), "Bounce", "b1@" + domain, "", "Olá."));
        poll();
        TicketView t = ticketOfMail("b1@" + domain);
        MessageView reply = tickets.reply(t.id(), Reply.publicly("Resposta que não chega."), agent());
        dispatch.runOnce();
        String sentId = jdbc.sql("SELECT external_id FROM outgoing_message WHERE ticket_message_id = ?").param(reply.id())
                .query(String.class).single();
        deliver("""
                From: Mail Delivery System <MAILER-DAEMON@mx.%s>
                To: support@atende.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <dsn-%s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Your message could not be delivered.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.%s

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                --r
                Content-Type: text/rfc822-headers

                From: support@atende.test
                Message-ID: <%s>
                --r--
                """.formatted(domain, sentId, domain, ana.email(), sentId));
        poll();
        MessageView failed = tickets.lookupMessage(reply.id()).orElseThrow();
        assertThat(failed.deliveryState()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.deliveryDetail()).contains("5.1.1", ana.email());
        assertThat(tickets.timeline(t.id(), agent())).extracting(TimelineEventView::kind).contains("DELIVERY_FAILED");
        assertThat(tickets.messagesOf(t.id())).hasSize(2); // the bounce is not a message of the customer
    }

    @Test
    void holdsMailWhileTheSmtpServerIsDownAndSendsItOnceWhenItIsBack() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        dispatch.runOnce(); // what other tests left queued leaves first
        deliver(plain(ana.email(), "SMTP em baixo", "s1@" + domain, "", "Olá."));
        poll();
        TicketView t = ticketOfMail("s1@" + domain);
        mail.stop();
        try {
            OutboxDispatch.Result first = dispatch.runOnce();
            assertThat(first.held()).isEqualTo(1);
            assertThat(first.retried()).as("the relay is down, not the message: no retry piles up").isZero();
            assertThat(jdbc.sql("SELECT state FROM outgoing_message WHERE ticket_id = ?").param(t.id().value()).query(String.class)
                    .single()).isEqualTo("HELD");
            assertThat(jdbc.sql("SELECT last_error FROM outgoing_message WHERE ticket_id = ?").param(t.id().value())
                    .query(String.class).single()).startsWith("SMTP server unreachable");
            ChannelStatuses.Status failing = statuses.of(ChannelStatuses.EMAIL);
            assertThat(failing.failing()).isTrue();
            assertThat(failing.cause()).startsWith("SMTP server unreachable");
            assertThat(dispatch.runOnce().held()).as("nothing is tried again before the channel's next try").isZero();
            assertThat(health.healthForPath("email").getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.health().getStatus()).as("a relay down for every instance must not take them all out of the pool")
                    .isEqualTo(Status.UP);
            tickets.reply(t.id(), new Reply("Estamos a ver o que se passa.", false, null, Channel.EMAIL), agent());
            assertThat(dispatch.runOnce().held()).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ? AND state = 'HELD'", ana.email()))
                    .as("mail queued while the relay is down waits with the rest").isEqualTo(2);
        } catch (AssertionError | RuntimeException e) {
            // what this test left failing must not hold the mail of the tests after it
            jdbc.sql("UPDATE channel_status SET failures = 0, retry_at = NULL WHERE name = 'email'").update();
            throw e;
        } finally {
            startServers();
        }
        MovingTime.CLOCK.advance(Duration.ofSeconds(31));
        assertThat(dispatch.runOnce().sent()).isEqualTo(2);
        assertThat(dispatch.runOnce().sent()).isZero();
        assertThat(sentTo(ana.email())).as(describe(sentTo(ana.email()))).hasSize(2);
        assertThat(jdbc.sql("SELECT state FROM outgoing_message WHERE ticket_id = ?").param(t.id().value()).query(String.class).list())
                .containsExactly("SENT", "SENT");
        assertThat(statuses.of(ChannelStatuses.EMAIL).failing()).as("working again clears the failure").isFalse();
        assertThat(statuses.of(ChannelStatuses.EMAIL).cause()).isNull();
        assertThat(health.healthForPath("email").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aSenderGetsAtMostThreeAcknowledgementsAnHour() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.EN);
        for (int i = 0; i < 5; i++) {
            deliver(plain(ana.email(), "Question " + i, "rate" + i + "@" + domain, "", "Hello " + i));
        }
        poll();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE requester_contact_id = ?", ana.id().value())).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM outgoing_message WHERE recipient = ? AND purpose = 'ACKNOWLEDGEMENT'", ana.email()))
                .isEqualTo(3);
    }

    @Test
    void aMailPastARefusingPlansAllowanceIsAnsweredInTheContactsLanguage() throws Exception {
        String domain = domain();
        ContactSummary juan = customer(domain, "Juan Pérez", Language.ES, 0, OverQuotaPolicy.REFUSE);
        deliver(plain(juan.email(), "Sin cuota", "qx@" + domain, "", "Hola."));
        poll();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE organisation_id = ?", juan.organisationId().value())).isZero();
        assertThat(jdbc.sql("SELECT outcome FROM inbound_mail WHERE message_id = ?").param("qx@" + domain).query(String.class).single())
                .isEqualTo("REFUSED");
        dispatch.runOnce();
        MimeMessage refusal = onlyMailTo(juan.email());
        assertThat((String) refusal.getContent()).contains("No hemos podido abrir su ticket", "incluye 0 tickets al mes");
        assertThat(header(refusal, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(header(refusal, "In-Reply-To")).isEqualTo("<qx@" + domain + ">");
    }

    @Test
    void keepsAttachmentsAndNotesWhatWasTooLarge() throws Exception {
        String domain = domain();
        ContactSummary ana = customer(domain, "Ana Silva", Language.PT);
        String pdf = java.util.Base64.getEncoder().encodeToString("%PDF-1.4\n%âãÏÓ\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        deliver("""
                From: %s
                To: support@atende.test
                Subject: Com anexo
                Message-ID: <att@%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain; charset=utf-8

                Segue a fatura.
                --m
                Content-Type: application/pdf; name="fatura.pdf"
                Content-Disposition: attachment; filename="fatura.pdf"
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(ana.email(), domain, pdf));
        poll();
        TicketView t = ticketOfMail("att@" + domain);
        assertThat(count("SELECT COUNT(*) FROM attachment WHERE ticket_id = ? AND filename = 'fatura.pdf'", t.id().value())).isEqualTo(1);
    }
}
