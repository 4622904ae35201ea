package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.notifications.DeskNotifications;
import org.atende.satisfaction.Rating;
import org.atende.satisfaction.Surveys;
import org.atende.support.DeskFixtures;
import org.atende.support.MovingTime;
import org.atende.tickets.Channel;
import org.atende.tickets.NewFile;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Files from agents by e-mail and the satisfaction question by e-mail, through a real SMTP server (GreenMail):
 * what the customer's mailbox receives, what the link does, and what a note's files never do.
 */
class AgentFilesAndSurveyMailIntegrationTests extends EmailTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired Surveys surveys;
    @Autowired DeskNotifications deskNotifications;
    @Autowired org.atende.tickets.Attachments attachments;

    private Actor agent() {
        return new DeskFixtures(jdbc).staff(Role.AGENT, "Inês Duarte");
    }

    private TicketView emailTicket(ContactSummary contact) {
        return tickets.openFor(contact, new OpenTicket(null, null, Channel.EMAIL, "Fatura em PDF não abre", "Não consigo abrir a fatura.",
                null, null, null, java.util.Set.of(), null));
    }

    @Test
    void anAgentsReplyLeavesWithItsFilesAndANotesFilesNeverLeave() throws Exception {
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.PT);
        TicketView t = emailTicket(ana);
        dispatch.runOnce();
        mail.purgeEmailFromAllMailboxes();
        Actor agent = agent();
        tickets.reply(t.id(), new Reply("Segue a nota interna com o registo.", true, null, null),
                List.of(new NewFile("registo-interno.pdf", "application/pdf", PDF)), agent);
        tickets.reply(t.id(), new Reply("Segue a fatura corrigida e o ecrã.", false, null, Channel.EMAIL),
                List.of(new NewFile("fatura nº 42 — março.pdf", "application/pdf", PDF), new NewFile("ecrã.png", "image/png", PNG)), agent);
        dispatch.runOnce();

        List<MimeMessage> received = sentTo(ana.email());
        assertThat(received).hasSize(1);
        MimeMessage reply = received.getFirst();
        assertThat(reply.getContentType()).startsWith("multipart/mixed");
        Multipart parts = (Multipart) reply.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Segue a fatura corrigida");
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            names.add(MimeUtility.decodeText(part.getFileName()));
        }
        assertThat(names).containsExactly("fatura nº 42 — março.pdf", "ecrã.png");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        parts.getBodyPart(1).getDataHandler().writeTo(pdf);
        assertThat(pdf.toByteArray()).isEqualTo(PDF);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(new String(reply.getRawInputStream().readAllBytes())).doesNotContain("registo-interno");
    }

    @Test
    void aFileAddedToAnAnswerAfterwardsFollowsInAMailOfItsOwn() throws Exception {
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.ES);
        TicketView t = emailTicket(ana);
        Actor agent = agent();
        var answer = tickets.reply(t.id(), new Reply("Le escribimos en un momento con el informe.", false, null, Channel.EMAIL), agent);
        dispatch.runOnce();
        mail.purgeEmailFromAllMailboxes();
        attachments.attach(t.id(), answer.id(), "informe.pdf", "application/pdf", PDF, agent);
        dispatch.runOnce();
        MimeMessage followUp = sentTo(ana.email()).getFirst();
        assertThat(subject(followUp)).contains("[#" + t.number() + "]");
        Multipart parts = (Multipart) followUp.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Adjuntamos un archivo más a nuestra respuesta.");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("informe.pdf");
        assertThat(header(followUp, "In-Reply-To")).isNotNull();
    }

    @Test
    void aFileTheRulesRefuseLeavesNoMessageAndNoMail() throws Exception {
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.PT);
        TicketView t = emailTicket(ana);
        dispatch.runOnce();
        mail.purgeEmailFromAllMailboxes();
        int before = tickets.messagesOf(t.id()).size();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tickets.reply(t.id(), new Reply("Veja o anexo", false, null, Channel.EMAIL),
                        List.of(new NewFile("relatorio.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes())), agent()))
                .isInstanceOf(org.springframework.web.ErrorResponseException.class);
        dispatch.runOnce();
        assertThat(tickets.messagesOf(t.id())).hasSize(before);
        assertThat(sentTo(ana.email())).isEmpty();
    }

    @Test
    void aResolvedTicketsRequesterIsAskedOnceByMailAndTheLinkRatesOnce() throws Exception {
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.PT);
        TicketView t = emailTicket(ana);
        Actor agent = agent();
        tickets.reply(t.id(), new Reply("Está resolvido: reenviámos a fatura.", false, TicketStatus.RESOLVED, Channel.EMAIL), agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?", t.id().value()) == 1);
        dispatch.runOnce();

        List<MimeMessage> received = sentTo(ana.email());
        MimeMessage survey = received.stream().filter(m -> subject(m).startsWith("A nossa resposta ajudou?")).findFirst().orElseThrow();
        assertThat(received.indexOf(survey)).as("the answer arrives before the question").isGreaterThan(0);
        assertThat(header(survey, "Auto-Submitted")).isEqualTo("auto-replied");
        String body = (String) survey.getContent();
        Matcher link = Pattern.compile("http://localhost:8080/satisfaction/([A-Za-z0-9_-]{43})/good").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);
        assertThat(body).contains("/satisfaction/" + token + "/bad");
        assertThat(count("SELECT COUNT(*) FROM satisfaction_survey WHERE token_hash = ?", token)).as("only the hash is kept").isZero();

        assertThat(surveys.rate(token, Rating.GOOD, Channel.EMAIL).outcome()).isEqualTo(Surveys.Outcome.RECORDED);
        Surveys.Answer again = surveys.rate(token, Rating.BAD, Channel.EMAIL);
        assertThat(again.outcome()).isEqualTo(Surveys.Outcome.ALREADY_RATED);
        assertThat(again.survey().rating()).isEqualTo(Rating.GOOD);
        assertThat(surveys.comment(token, null, "Rápido e claro, obrigado!").outcome()).isEqualTo(Surveys.Outcome.RECORDED);
        assertThat(surveys.comment(token, null, "outro").outcome()).isEqualTo(Surveys.Outcome.ALREADY_RATED);
        assertThat(tickets.timeline(t.id(), agent)).extracting(e -> e.kind())
                .contains("SATISFACTION_ASKED", "SATISFACTION_RATED", "SATISFACTION_COMMENT");

        // reopened and resolved again within the window: not asked again
        tickets.update(t.id(), TicketChanges.status(TicketStatus.OPEN), agent);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        MovingTime.CLOCK.set("2026-11-25T10:05:00Z");
        Thread.sleep(500);
        assertThat(count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?", t.id().value())).isEqualTo(1);
        // after the window, a new resolution asks again
        MovingTime.CLOCK.set("2026-12-03T10:00:00Z");
        tickets.update(t.id(), TicketChanges.status(TicketStatus.OPEN), agent);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?", t.id().value()) == 2);
    }

    @Test
    void aLinkExpiresAfterItsPeriodAndAnUnknownTokenRatesNothing() {
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.ES);
        TicketView t = emailTicket(ana);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent());
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?", t.id().value()) == 1);
        dispatch.runOnce();
        MimeMessage survey = sentTo(ana.email()).stream().filter(m -> subject(m).startsWith("¿Le ayudó")).findFirst().orElseThrow();
        String token = token(survey);
        MovingTime.CLOCK.set("2026-12-09T10:00:01Z"); // 14 days and a second later
        assertThat(surveys.rate(token, Rating.BAD, Channel.EMAIL).outcome()).isEqualTo(Surveys.Outcome.EXPIRED);
        assertThat(surveys.rate(token.substring(1) + "x", Rating.BAD, Channel.EMAIL).outcome()).isEqualTo(Surveys.Outcome.UNKNOWN);
        assertThat(count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ? AND rating IS NOT NULL", t.id().value())).isZero();
    }

    @Test
    void aBadRatingTellsTheTeamsLeadOnTheDeskAndByMail() throws Exception {
        DeskFixtures desk = new DeskFixtures(jdbc);
        Actor lead = desk.staff(Role.LEAD, "Leonor Lead");
        jdbc.sql("UPDATE app_user SET email = ?, language = 'PT' WHERE id = ?").params("leonor@atende.test", lead.userId().value()).update();
        ContactSummary ana = customer(domain(), "Ana Ribeiro", Language.PT);
        desk.accountLead(ana.organisationId(), lead);
        TicketView t = emailTicket(ana);
        tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent());
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM satisfaction_survey WHERE ticket_id = ?", t.id().value()) == 1);
        dispatch.runOnce();
        String token = token(sentTo(ana.email()).stream().filter(m -> subject(m).startsWith("A nossa")).findFirst().orElseThrow());
        surveys.comment(token, Rating.BAD, "Continua sem abrir.");
        dispatch.runOnce();
        assertThat(deskNotifications.unread(lead.userId())).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("SATISFACTION");
            assertThat(n.text()).contains("#" + t.number()).contains("avaliou mal").contains("Continua sem abrir.");
        });
        assertThat(sentTo("leonor@atende.test")).singleElement().satisfies(m -> assertThat(subject(m)).startsWith("[Avaliação negativa] #" + t.number()));
    }

    static String token(MimeMessage survey) {
        try {
            Matcher link = Pattern.compile("/satisfaction/([A-Za-z0-9_-]{43})/good").matcher((String) survey.getContent());
            assertThat(link.find()).isTrue();
            return link.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
