package org.atende.web.desk;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atende.channels.MessageOrigins;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.notifications.Outbox;
import org.atende.notifications.OutgoingView;
import org.atende.sla.ClockKind;
import org.atende.sla.ClockView;
import org.atende.sla.SlaClocks;
import org.atende.sla.TicketClocks;
import org.atende.techservice.QuoteView;
import org.atende.techservice.Quotes;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.Attachments;
import org.atende.tickets.TicketConversations;
import org.atende.tickets.MessageKind;
import org.atende.tickets.MessageView;
import org.atende.tickets.Priority;
import org.atende.tickets.TechnicalServiceCategory;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.tickets.TimelineEventView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the ticket page shows, read through the modules' facades as the signed-in agent. */
@Component
class TicketPages {

    private final Tickets tickets;
    private final Attachments attachments;
    private final SlaClocks clocks;
    private final Quotes quotes;
    private final Customers customers;
    private final Names names;
    private final MessageSource messages;
    private final Outbox outbox;
    private final MessageOrigins origins;
    private final TicketConversations conversations;
    private final WorkspacePages workspace;
    private final Clock clock;

    TicketPages(Tickets tickets, Attachments attachments, SlaClocks clocks, Quotes quotes, Customers customers, Names names,
            MessageSource messages, Outbox outbox, MessageOrigins origins, TicketConversations conversations, WorkspacePages workspace,
            Clock clock) {
        this.conversations = conversations;
        this.workspace = workspace;
        this.outbox = outbox;
        this.origins = origins;
        this.tickets = tickets;
        this.attachments = attachments;
        this.clocks = clocks;
        this.quotes = quotes;
        this.customers = customers;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    void fill(TicketView t, Actor actor, Locale locale, Model model) {
        Instant now = clock.instant();
        OrganisationSummary org = customers.organisation(t.organisationId()).orElseThrow();
        ContactSummary contact = t.requesterContactId() == null ? null : customers.contact(t.requesterContactId()).orElse(null);
        model.addAttribute("ticket", t);
        model.addAttribute("version", tickets.versionOf(t.id(), actor));
        model.addAttribute("organisation", org);
        model.addAttribute("contact", contact);
        model.addAttribute("plan", customers.plan(org.planId()).map(p -> p.name()).orElse(null));
        model.addAttribute("assignee", t.assigneeId() == null ? null : names.user(t.assigneeId()));
        model.addAttribute("team", names.team(t.teamId()));
        model.addAttribute("staff", names.staff());
        model.addAttribute("teams", names.teams());
        model.addAttribute("received", ClockFormat.full(t.receivedAt(), locale));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("categories", TechnicalServiceCategory.values());

        // the conversation holds the messages of tickets merged into this one, with their files and deliveries
        Map<org.atende.tickets.TicketId, Long> merged = conversations.mergedInto(t.id());
        List<AttachmentView> files = new ArrayList<>(attachments.of(t.id(), actor));
        Map<Long, OutgoingView> sent = new java.util.HashMap<>();
        outbox.ofTicket(t.id()).stream().filter(o -> o.message().ticketMessageId() != null)
                .forEach(o -> sent.put(o.message().ticketMessageId(), o)); // the latest attempt of each message
        for (org.atende.tickets.TicketId m : merged.keySet()) {
            files.addAll(attachments.of(m, actor));
            outbox.ofTicket(m).stream().filter(o -> o.message().ticketMessageId() != null)
                    .forEach(o -> sent.put(o.message().ticketMessageId(), o));
        }
        List<MessageView> conversation = conversations.of(t.id(), actor);
        List<MessageRow> rows = new ArrayList<>();
        for (MessageView m : conversation) {
            String[] parts = MessageRow.split(m.body());
            rows.add(new MessageRow(m, style(m.kind()), author(m), parts[0], parts[1],
                    files.stream().filter(f -> f.messageId() != null && f.messageId() == m.id()).toList(),
                    ClockFormat.full(m.createdAt(), locale), sent.get(m.id())));
        }
        model.addAttribute("conversation", rows);
        model.addAttribute("origins", origins.ofTicket(t.id()));
        model.addAttribute("looseFiles", files.stream().filter(f -> f.messageId() == null).toList());
        workspace.fill(t, conversation, merged, actor, model);

        List<TimelineEventView> events = tickets.timeline(t.id(), actor);
        TicketClocks read = clocks.clocksOf(t.id(), now);
        Map<ClockKind, Long> paused = new EnumMap<>(ClockKind.class); // business time the pauses took out
        clocks.measure(t.id(), now).forEach(m -> paused.put(m.kind(), m.pausedSeconds()));
        List<ClockPanel> panels = new ArrayList<>();
        if (read.firstResponse() != null) {
            panels.add(panel("firstResponse", read.firstResponse(), paused.get(ClockKind.FIRST_RESPONSE), now, locale));
        }
        if (read.resolution() != null) {
            panels.add(panel("resolution", read.resolution(), paused.get(ClockKind.RESOLUTION), now, locale));
        }
        model.addAttribute("clocks", panels);
        model.addAttribute("slaTimeline", new SlaTimeline(messages, locale).lines(events, read));
        model.addAttribute("routingLines", new RoutingLines(messages, locale, names).lines(events));

        if (!t.type().isSupport()) {
            model.addAttribute("quotes", quotes.ofTicket(t.id(), actor).stream().map(q -> quote(q, locale)).toList());
        }
    }

    private static ClockPanel panel(String kind, ClockView v, @Nullable Long pausedSeconds, Instant now, Locale locale) {
        return new ClockPanel(kind, v, ClockFormat.cell(v, now, locale), ClockFormat.duration(v.targetSeconds()),
                ClockFormat.duration(v.elapsedSeconds()), ClockFormat.duration(pausedSeconds == null ? 0 : pausedSeconds));
    }

    static QuoteRow quote(QuoteView q, Locale locale) {
        NumberFormat money = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? defaultRegion(locale) : locale);
        money.setCurrency(Currency.getInstance("EUR"));
        NumberFormat hours = NumberFormat.getNumberInstance(locale);
        hours.setMaximumFractionDigits(2);
        return new QuoteRow(q, money.format(BigDecimal.valueOf(q.amountCents(), 2)), hours.format(q.estimatedHours()),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(q.validUntil()));
    }

    /** A language without a region writes money as its main region does (es → Spain, pt → Portugal). */
    private static Locale defaultRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> Locale.of("es", "ES");
            case "pt" -> Locale.of("pt", "PT");
            default -> Locale.of("en", "IE");
        };
    }

    private static String style(MessageKind kind) {
        return switch (kind) {
            case CUSTOMER -> "customer";
            case AGENT -> "agent";
            case NOTE -> "note";
            case SYSTEM, AUTOMATIC -> "system";
        };
    }

    private String author(MessageView m) {
        if (m.authorUserId() != null) {
            return names.user(m.authorUserId());
        }
        if (m.authorContactId() != null) {
            return customers.contact(m.authorContactId()).map(ContactSummary::name).orElse("#" + m.authorContactId().value());
        }
        return "Atende";
    }
}
