package org.atende.tickets;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.operations.LogFields;
import org.atende.operations.TransactionScoped;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The desk's ticket operations. Every call names who is asking: a customer only ever reaches its own
 * organisation's tickets (another organisation's answer "not found"), and only staff triage, note
 * and escalate. Each change is recorded on the timeline and published as an event in the same
 * transaction, so the SLA clocks move with it.
 */
@Service
@Transactional
@org.springframework.boot.context.properties.EnableConfigurationProperties(TicketLimits.class)
public class Tickets {

    private static final String OPENED_HERE = Tickets.class.getName() + ".openedHere";

    private final TicketRepository tickets;
    private final NewTickets newTickets;
    private final MessageRepository messages;
    private final Timeline timeline;
    private final TicketSearch search;
    private final Customers customers;
    private final TicketQuotas quotas;
    private final Closings closings;
    private final Attachments attachments;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final TicketLimits limits;
    /** Resolved at the first ticket, not per ticket: its implementation (the clocks' module) depends on this class. */
    private final SingletonSupplier<OpeningDueTimes> dueTimes;

    Tickets(TicketRepository tickets, MessageRepository messages, Timeline timeline, TicketSearch search,
            Customers customers, TicketQuotas quotas, Closings closings, Attachments attachments, ApplicationEventPublisher events,
            JdbcClient jdbc, JdbcTemplate batch, Clock clock, TicketLimits limits, NewTickets newTickets,
            ObjectProvider<OpeningDueTimes> dueTimes) {
        this.dueTimes = SingletonSupplier.ofNullable(dueTimes::getIfAvailable);
        this.batch = batch;
        this.newTickets = newTickets;
        this.attachments = attachments;
        this.limits = limits;
        this.quotas = quotas;
        this.closings = closings;
        this.tickets = tickets;
        this.messages = messages;
        this.timeline = timeline;
        this.search = search;
        this.customers = customers;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens a ticket asked for by someone signed in (the API, the portal): {@link TicketLimits} apply. */
    public TicketView open(OpenTicket command, Actor actor) {
        if (command.subject() != null) {
            limits.subject(command.subject());
        }
        if (command.body() != null) {
            limits.message(command.body());
        }
        limits.tags(command.tags());
        return open(command, Author.of(actor));
    }

    /**
     * Opens a ticket for a contact writing on a channel (e-mail, WhatsApp), who may have no account: the
     * ticket is the contact's organisation's, the contact its requester.
     */
    public TicketView openFor(ContactSummary contact, OpenTicket command) {
        return open(command, Author.of(contact));
    }

    private TicketView open(OpenTicket command, Author actor) {
        Instant now = receivedAt(command);
        OrganisationId orgId = actor.staff() ? command.organisationId() : actor.organisationId();
        if (orgId == null) {
            throw TicketProblems.invalid("organisationId is required when staff open a ticket");
        }
        OrganisationSummary org = customers.organisation(orgId)
                .orElseThrow(() -> TicketProblems.invalid("organisation " + orgId + " does not exist"));
        Long requester = requester(command, actor, orgId);
        TicketType type = command.type() == null ? TicketType.QUESTION : command.type();
        String category = category(type, command.category());
        Priority priority = defaultPriority(org);
        String subject = required(command.subject(), "subject", 300);
        String body = required(command.body(), "body", 1_000_000);
        Set<String> tags = normalised(command.tags());
        java.util.function.Supplier<Language> language = () -> quotas.languageOf(requester, org); // read only when over quota
        Ticket t = new Ticket(0, orgId.value(), requester, command.channel(), subject,
                type, category, priority, command.suggestedPriority(), now);
        t.replaceTags(tags);
        OpeningDueTimes due = dueTimes.get();
        t.nextDueAt = due == null ? null : due.firstDue(orgId, priority, type, now); // the clocks' own, asked before the insert
        newTickets.insert(t); // draws its number
        openedHere().put(t.id, t); // the clocks confirm its next due time on it; the report may take it as it stands
        long number = t.number;
        LogFields.ticketOfRequest(number);
        MessageKind kind = actor.staff() ? MessageKind.AGENT : MessageKind.CUSTOMER;
        Message opening = new Message(t.id, kind, actor.userIdValue(), requester, command.channel(), body, now);
        opening.opensTicket = true;
        Message first = messages.save(opening);
        timeline.append(t.ticketId(), actor.entry(now, "CREATED",
                "#" + number + " via " + command.channel() + ", priority " + priority
                        + (command.suggestedPriority() == null ? "" : " (customer suggested " + command.suggestedPriority() + ")")));
        events.publishEvent(new MessageAdded(t.ticketId(), first.id, kind, command.channel(), now));
        events.publishEvent(new TicketOpened(t.ticketId(), number, orgId, priority, type, command.channel(), now));
        if (type.isSupport()) { // technical service never counts
            quotas.countAtIntake(t, actor, language); // last: it may hold the allowance's counter until commit
        }
        return t.view(); // what was saved, with the next due time the clocks set on it (setNextDue)
    }

    /**
     * A ticket as this transaction opened it, when it did: what {@link #lookup} would read then, without reading it.
     * Later changes in the same transaction are not in it; a caller that may have seen one (an event about the
     * ticket other than its opening) reads the ticket instead.
     */
    public Optional<TicketView> asOpenedHere(TicketId id) {
        return Optional.ofNullable(openedHere().get(id.value())).map(Ticket::view);
    }

    @Transactional(readOnly = true)
    public TicketView get(TicketId id, Actor actor) {
        return visible(id, actor).view();
    }

    @Transactional(readOnly = true)
    public TicketView getByNumber(long number, Actor actor) {
        Ticket t = tickets.findByNumber(number).filter(x -> actor.canSee(new OrganisationId(x.organisationId)))
                .orElseThrow(() -> TicketProblems.notFound("ticket #" + number));
        return t.view();
    }

    @Transactional(readOnly = true)
    public TicketPage list(TicketQuery query, Actor actor) {
        return actor.isStaff() ? search.find(query, false)
                : search.find(query.forOrganisation(Objects.requireNonNull(actor.organisationId())), true);
    }

    /** Applies an agent's changes; each changed field is one timeline line. */
    public TicketView update(TicketId id, TicketChanges changes, Actor actor) {
        return update(visible(id, actor), changes, actor); // another organisation's ticket is "not found", before any role check
    }

    /**
     * Applies an agent's changes made on the ticket as it was at {@code expectedVersion} (see {@link #versionOf}):
     * if someone changed it since, nothing is applied and an {@link OptimisticLockingFailureException} says so.
     */
    public TicketView update(TicketId id, TicketChanges changes, Actor actor, int expectedVersion) {
        Ticket t = visible(id, actor);
        if (t.version != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "ticket #" + t.number + " was changed by someone else (version " + t.version + ", not " + expectedVersion + ")");
        }
        return update(t, changes, actor);
    }

    /** The ticket's version, which each change of the ticket's own fields raises: what a form was made from. */
    @Transactional(readOnly = true)
    public int versionOf(TicketId id, Actor actor) {
        return visible(id, actor).version;
    }

    private TicketView update(Ticket t, TicketChanges changes, Actor actor) {
        staffOnly(actor, "change a ticket's classification, status or owner");
        Instant now = clock.instant();
        TicketView before = t.view();
        TicketStatus fromStatus = t.status;
        TicketType fromType = t.type;
        boolean reclassified = false;
        if (changes.priority() != null && changes.priority() != t.priority) {
            timeline.append(t.ticketId(), change(actor, now, "priority", t.priority, changes.priority()));
            t.priority = changes.priority();
            reclassified = true;
        }
        if (changes.priority() != null && !t.triaged) {
            t.triaged = true;
        }
        if (changes.type() != null && changes.type() != t.type) {
            timeline.append(t.ticketId(), change(actor, now, "type", t.type, changes.type()));
            t.type = changes.type();
            reclassified = true;
        }
        String category = changes.category() != null ? category(t.type, changes.category())
                : t.type != fromType && t.type.isSupport() != fromType.isSupport() ? category(t.type, null) : t.category;
        if (!Objects.equals(category, t.category)) {
            timeline.append(t.ticketId(), change(actor, now, "category", t.category, category));
            t.category = category;
        }
        Long fromAssignee = t.assigneeId;
        Long fromTeam = t.teamId;
        if (changes.unassign() && t.assigneeId != null) {
            timeline.append(t.ticketId(), change(actor, now, "assignee", t.assigneeId, null));
            t.assigneeId = null;
        } else if (changes.assigneeId() != null && !Objects.equals(changes.assigneeId().value(), t.assigneeId)) {
            timeline.append(t.ticketId(), change(actor, now, "assignee", t.assigneeId, changes.assigneeId().value()));
            t.assigneeId = changes.assigneeId().value();
        }
        if (changes.teamId() != null && !Objects.equals(changes.teamId().value(), t.teamId)) {
            timeline.append(t.ticketId(), change(actor, now, "team", t.teamId, changes.teamId().value()));
            t.teamId = changes.teamId().value();
        }
        Set<String> tags = changes.tags() == null ? null : normalised(changes.tags());
        if (!changes.addTags().isEmpty() || !changes.removeTags().isEmpty()) {
            tags = tags == null ? new TreeSet<>(t.tagNames()) : tags;
            tags.addAll(normalised(changes.addTags()));
            tags.removeAll(normalised(changes.removeTags()));
        }
        if (tags != null) {
            limits.tags(tags);
            if (!tags.equals(t.tagNames())) {
                timeline.append(t.ticketId(), change(actor, now, "tags", String.join(",", t.tagNames()), String.join(",", tags)));
                t.replaceTags(tags);
            }
        }
        if (changes.status() != null && changes.status() != t.status) {
            move(t, changes.status(), actor, now);
        }
        if (t.type.isSupport() != fromType.isSupport()) {
            quotas.followType(t, Author.of(actor), now);
        }
        if (t.view().equals(before)) {
            return before; // nothing to do: no save, so the version (what others' forms expect) stays
        }
        t.updatedAt = now;
        t = tickets.save(t);
        if (t.status != fromStatus) {
            events.publishEvent(new TicketStatusChanged(t.ticketId(), fromStatus, t.status, now));
        }
        if (reclassified) {
            events.publishEvent(new TicketReclassified(t.ticketId(), new OrganisationId(t.organisationId), t.priority,
                    fromType, t.type, t.status, t.receivedAt, now));
        }
        if (!Objects.equals(fromAssignee, t.assigneeId) || !Objects.equals(fromTeam, t.teamId)) {
            events.publishEvent(new TicketAssigned(t.ticketId(), t.assigneeId == null ? null : new UserId(t.assigneeId),
                    t.teamId == null ? null : new TeamId(t.teamId), now));
        }
        return reload(t);
    }

    /**
     * Adds a message. A customer's message reopens a resolved ticket and brings a waiting one back
     * to OPEN; an agent's public reply opens a new ticket, stops the first-response clock, and may
     * set the status in the same step (e.g. WAITING_ON_CUSTOMER).
     */
    public MessageView reply(TicketId id, Reply reply, Actor actor) {
        return reply(id, reply, List.of(), actor);
    }

    /**
     * Adds a message with files, all or nothing: a file the attachment rules refuse (size, type) leaves no
     * message. The files are kept before the message is announced, so its channel sends them with it; an
     * internal note's files stay with the note, for staff only.
     */
    public MessageView reply(TicketId id, Reply reply, List<NewFile> files, Actor actor) {
        if (reply.body() != null) {
            limits.message(reply.body());
        }
        if (!files.isEmpty()) {
            limits.attachments(files.size() - 1); // the last of the files is number files.size()
        }
        return add(visible(id, actor), reply, files, Author.of(actor), clock.instant());
    }

    /**
     * Adds a contact's message that arrived on a channel at {@code receivedAt}; the ticket must be of the
     * contact's organisation (any other is "not found").
     */
    public MessageView replyFrom(ContactSummary contact, TicketId id, Reply reply, Instant receivedAt) {
        Author author = Author.of(contact);
        Ticket t = tickets.findById(id.value()).filter(x -> author.canSee(new OrganisationId(x.organisationId)))
                .orElseThrow(() -> TicketProblems.notFound("ticket " + id));
        Instant now = clock.instant();
        return add(t, reply, List.of(), author, receivedAt.isAfter(now) ? now : receivedAt);
    }

    /**
     * Keeps a contact's automatic answer (an out-of-office) on the ticket, for staff to see: it neither
     * reopens the ticket nor counts as the customer's answer.
     */
    public MessageView recordAutoReply(ContactSummary contact, TicketId id, String body, Channel channel, Instant receivedAt) {
        Ticket t = tickets.findById(id.value()).filter(x -> x.organisationId == contact.organisationId().value())
                .orElseThrow(() -> TicketProblems.notFound("ticket " + id));
        Message m = messages.save(new Message(t.id, MessageKind.SYSTEM, null, contact.id().value(), channel,
                required(body, "body", 1_000_000), receivedAt));
        timeline.append(t.ticketId(), Author.of(contact).entry(clock.instant(), "AUTO_REPLY_RECEIVED",
                "automatic answer from " + contact.name() + " kept as message " + m.id));
        return m.view();
    }

    /** Records what became of a message sent to the customer on its channel (queued, sent, failed and why). */
    public void recordDelivery(long messageId, DeliveryState state, @Nullable String detail) {
        jdbc.sql("UPDATE message SET delivery_state = ?, delivery_detail = ? WHERE id = ?")
                .params(state.name(), detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail, messageId)
                .update();
    }

    private MessageView add(Ticket t, Reply reply, List<NewFile> files, Author actor, Instant now) {
        if (t.status == TicketStatus.CLOSED) {
            throw TicketProblems.illegalTransition(TicketStatus.CLOSED, TicketStatus.OPEN, Transitions.from(TicketStatus.CLOSED));
        }
        List<String> types = files.stream().map(attachments::checked).toList(); // refused before anything is written
        MessageKind kind = actor.staff() ? (reply.internal() ? MessageKind.NOTE : MessageKind.AGENT) : MessageKind.CUSTOMER;
        if (!actor.staff() && (reply.internal() || reply.status() != null)) {
            throw TicketProblems.forbidden("customers write public messages and cannot set a status");
        }
        Channel channel = reply.channel() == null ? (actor.staff() ? Channel.API : t.channel) : reply.channel();
        Message m = messages.save(new Message(t.id, kind, actor.userIdValue(), actor.staff() ? null : actor.contactIdValue(),
                channel, required(reply.body(), "body", 1_000_000), now));
        timeline.append(t.ticketId(), actor.entry(now, kind == MessageKind.NOTE ? "NOTE_ADDED" : "MESSAGE_ADDED",
                kind.name().toLowerCase(Locale.ROOT) + " message " + m.id));
        for (int i = 0; i < files.size(); i++) {
            attachments.keep(t.ticketId(), m.id, files.get(i), types.get(i), actor);
        }
        TicketStatus from = t.status;
        StatusAsRead asRead = new StatusAsRead(t.status, t.resolvedAt, t.closedAt);
        TicketStatus to = nextStatusAfter(kind, t.status, reply.status());
        if (to != t.status) {
            move(t, to, actor, now);
        }
        t.updatedAt = now;
        saveStatus(t, asRead);
        if (kind == MessageKind.AGENT) {
            events.publishEvent(new AgentReplied(t.ticketId(), Objects.requireNonNull(actor.userId()), now));
        }
        if (to != from) {
            events.publishEvent(new TicketStatusChanged(t.ticketId(), from, to, now));
        }
        events.publishEvent(new MessageAdded(t.ticketId(), m.id, kind, channel, now));
        return m.view();
    }

    /**
     * Closes a ticket as spam, from any status but CLOSED: it gives its quota unit back, its clocks stop,
     * and it is left out of SLA reports.
     */
    public TicketView markSpam(TicketId id, Actor actor) {
        Ticket t = visible(id, actor);
        staffOnly(actor, "mark a ticket as spam");
        return closings.markSpam(t, actor);
    }

    /**
     * Merges a duplicate into another ticket of the same organisation: the duplicate closes, pointing at
     * the ticket that goes on (the customer is told there), gives its quota unit back, and the surviving
     * ticket gets an internal note with the duplicate's subject.
     */
    public TicketView merge(TicketId duplicateId, TicketId intoId, Actor actor) {
        Ticket duplicate = visible(duplicateId, actor);
        Ticket into = visible(intoId, actor);
        staffOnly(actor, "merge tickets");
        return closings.merge(duplicate, into, actor);
    }

    @Transactional(readOnly = true)
    public List<MessageView> messages(TicketId id, Actor actor) {
        Ticket t = visible(id, actor);
        return messages.findByTicket(t.id).stream().filter(m -> actor.isStaff() || m.kind.isPublic())
                .map(Message::view).toList();
    }

    /** Hands a ticket to another team with a reason; the clocks keep running. */
    public TicketView escalate(TicketId id, TeamId team, String reason, Actor actor) {
        Ticket t = visible(id, actor);
        staffOnly(actor, "escalate a ticket");
        Instant now = clock.instant();
        String why = required(reason, "reason", 2000);
        jdbc.sql("INSERT INTO escalation (ticket_id, from_team, to_team, reason, by_user, escalated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.id, t.teamId, team.value(), why, actor.userId().value(), Timestamp.from(now)).update();
        timeline.append(t.ticketId(), new TimelineEntry(now, actor.userId(), actor.name(), "ESCALATED", "team",
                t.teamId == null ? null : t.teamId.toString(), team.toString(), why));
        t.teamId = team.value();
        t.updatedAt = now;
        tickets.save(t);
        events.publishEvent(new TicketEscalated(t.ticketId(), team, why, now));
        return reload(t);
    }

    /**
     * A change the desk makes by itself (an escalation rule): a new priority and/or a team, each written on
     * the timeline by the system with {@code because} as its detail, with the events an agent's change
     * publishes (so the clocks follow a new priority). Nothing is written for what is already so; empty
     * when nothing changed or the ticket does not exist.
     */
    public java.util.Optional<TicketView> changeByDesk(TicketId id, @Nullable Priority priority, @Nullable TeamId team,
            String because) {
        Ticket t = tickets.findById(id.value()).orElse(null);
        if (t == null) {
            return java.util.Optional.empty();
        }
        Instant now = clock.instant();
        boolean reprioritised = priority != null && priority != t.priority;
        boolean moved = team != null && !Objects.equals(team.value(), t.teamId);
        if (!reprioritised && !moved) {
            return java.util.Optional.empty();
        }
        if (reprioritised) {
            timeline.append(t.ticketId(), new TimelineEntry(now, null, TimelineEntry.SYSTEM, "CHANGED", "priority",
                    t.priority.name(), priority.name(), because));
            t.priority = priority;
        }
        if (moved) {
            jdbc.sql("INSERT INTO escalation (ticket_id, from_team, to_team, reason, by_user, escalated_at) VALUES (?, ?, ?, ?, NULL, ?)")
                    .params(t.id, t.teamId, team.value(), because, Timestamp.from(now)).update();
            timeline.append(t.ticketId(), new TimelineEntry(now, null, TimelineEntry.SYSTEM, "ESCALATED", "team",
                    t.teamId == null ? null : t.teamId.toString(), team.toString(), because));
            t.teamId = team.value();
        }
        t.updatedAt = now;
        t = tickets.save(t);
        if (reprioritised) {
            events.publishEvent(new TicketReclassified(t.ticketId(), new OrganisationId(t.organisationId), t.priority,
                    t.type, t.type, t.status, t.receivedAt, now));
        }
        if (moved) {
            events.publishEvent(new TicketEscalated(t.ticketId(), team, because, now));
        }
        return java.util.Optional.of(reload(t));
    }

    /** What routing gives a ticket, and the owner it saw (see {@link #route}). */
    public record Routing(TicketId ticket, @Nullable TeamId seenTeam, @Nullable UserId seenAssignee, TeamId team,
            @Nullable UserId assignee, String because) {
    }

    /**
     * Gives tickets to a team (and an agent, or none: the team's queue) on behalf of routing, each only if its owner is
     * still what routing saw ({@code seenTeam}, {@code seenAssignee}) and it is not closed: a change made meanwhile, by
     * hand or by another instance, wins and nothing is written for that ticket. Writes one {@code ROUTED} line by the
     * system for each ticket routed (owner before and after as {@link #owner}, {@code because}, the rule and method,
     * as its detail) and publishes {@link TicketAssigned} as a change by hand does. The conditional updates go in one
     * batch, the lines in one insert. Answers the tickets routed.
     */
    public Set<TicketId> route(List<Routing> routings) {
        if (routings.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        int[] changed = batch.batchUpdate("UPDATE ticket SET team_id = ?, assignee_id = ?, version = version + 1 WHERE id = ? "
                        + "AND status <> 'CLOSED' AND team_id IS NOT DISTINCT FROM ? AND assignee_id IS NOT DISTINCT FROM ?",
                routings.stream().map(r -> new Object[] {r.team().value(), r.assignee() == null ? null : r.assignee().value(),
                        r.ticket().value(), r.seenTeam() == null ? null : r.seenTeam().value(),
                        r.seenAssignee() == null ? null : r.seenAssignee().value()}).toList(),
                new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT});
        Set<TicketId> routed = new java.util.LinkedHashSet<>();
        List<Map.Entry<TicketId, TimelineEntry>> lines = new java.util.ArrayList<>();
        for (int i = 0; i < routings.size(); i++) {
            Routing r = routings.get(i);
            if (changed[i] != 0 && routed.add(r.ticket())) {
                lines.add(Map.entry(r.ticket(), new TimelineEntry(now, null, TimelineEntry.SYSTEM, "ROUTED", "owner",
                        owner(r.seenTeam(), r.seenAssignee()), owner(r.team(), r.assignee()), r.because())));
            }
        }
        timeline.appendAll(lines);
        for (Routing r : routings) {
            if (routed.contains(r.ticket())) {
                events.publishEvent(new TicketAssigned(r.ticket(), r.assignee(), r.team(), now));
            }
        }
        return routed;
    }

    /**
     * Hands an agent's unfinished tickets (see {@link Workloads#unfinishedAssignedTo}) back to their team's queue: each
     * loses its assignee (one without a team goes to {@code agentTeam}), with one {@code HANDED_BACK} line by
     * {@code actor} and {@link TicketAssigned}. A ticket given to someone else meanwhile is left alone. Returns how
     * many were handed back.
     */
    public int handBack(UserId agent, @Nullable TeamId agentTeam, Actor actor) {
        staffOnly(actor, "hand tickets back to the team queue");
        Instant now = clock.instant();
        int handed = 0;
        for (TicketView t : jdbc.sql("SELECT id FROM ticket WHERE assignee_id = :agent AND status IN (:statuses) ORDER BY id")
                .param("agent", agent.value()).param("statuses", Workloads.UNFINISHED).query(Long.class).list().stream()
                .map(tickets::findById).flatMap(java.util.Optional::stream).map(Ticket::view).toList()) {
            TeamId team = t.teamId() != null ? t.teamId() : agentTeam;
            int changed = jdbc.sql("UPDATE ticket SET assignee_id = NULL, team_id = ?, version = version + 1 WHERE id = ? AND assignee_id = ?")
                    .params(team == null ? null : team.value(), t.id().value(), agent.value()).update();
            if (changed == 1) {
                timeline.append(t.id(), entry(actor, now, "HANDED_BACK", "owner", owner(t.teamId(), agent), owner(team, null),
                        "handed back to the team queue"));
                events.publishEvent(new TicketAssigned(t.id(), null, team, now));
                handed++;
            }
        }
        return handed;
    }

    /** How routing and hand-backs write an owner on the timeline: {@code team=3;assignee=17}, empty for none. */
    public static String owner(@Nullable TeamId team, @Nullable UserId assignee) {
        return "team=" + (team == null ? "" : team.value()) + ";assignee=" + (assignee == null ? "" : assignee.value());
    }

    @Transactional(readOnly = true)
    public List<EscalationView> escalations(TicketId id, Actor actor) {
        Ticket t = visible(id, actor);
        staffOnly(actor, "see escalations");
        return jdbc.sql("SELECT from_team, to_team, reason, by_user, escalated_at FROM escalation WHERE ticket_id = ? ORDER BY id")
                .param(t.id).query((rs, n) -> {
                    long from = rs.getLong("from_team");
                    TeamId fromTeam = rs.wasNull() ? null : new TeamId(from);
                    long by = rs.getLong("by_user");
                    return new EscalationView(fromTeam, new TeamId(rs.getLong("to_team")), rs.getString("reason"),
                            rs.wasNull() ? null : new org.atende.identity.UserId(by), rs.getTimestamp("escalated_at").toInstant());
                }).list();
    }

    /** The audit trail; staff only (it holds internal notes and escalations). */
    @Transactional(readOnly = true)
    public List<TimelineEventView> timeline(TicketId id, Actor actor) {
        visible(id, actor);
        staffOnly(actor, "read a ticket's timeline");
        return timeline.of(id);
    }

    /**
     * What a newly added message means for the customer's channel: an answer to deliver on {@code channel}
     * (an agent's public reply or a notice of the desk, on a ticket of that channel with a requester), or
     * nothing (a note, the customer's own message, another channel's ticket).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerAnswer> answerOn(Channel channel, MessageAdded added) {
        if (added.kind() != MessageKind.AGENT && added.kind() != MessageKind.AUTOMATIC) {
            return java.util.Optional.empty();
        }
        return tickets.findById(added.ticketId().value())
                .filter(t -> t.channel == channel && t.requesterContactId != null)
                .flatMap(t -> messages.findById(added.messageId()).map(m -> new CustomerAnswer(t.view(), m.view(),
                        new org.atende.customers.ContactId(t.requesterContactId), added.kind() == MessageKind.AUTOMATIC)));
    }

    /** A ticket as the desk itself reads it, for channels and notifications (not a user's read). */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketView> lookup(TicketId id) {
        return tickets.findById(id.value()).map(Ticket::view);
    }

    /** The tickets of these ids that exist, with their tags, read together (the desk's own read). */
    @Transactional(readOnly = true)
    public Map<TicketId, TicketView> lookupAll(Collection<TicketId> ids) {
        Map<TicketId, TicketView> found = new HashMap<>();
        search.byIds(ids.stream().map(TicketId::value).distinct().toList()).forEach(t -> found.put(t.id(), t));
        return found;
    }

    /**
     * The ticket a contact's next message on a channel joins: the latest of theirs on that channel that
     * is not closed, if it is open or was resolved after {@code resolvedSince} (the desk's own read).
     */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketView> continuing(org.atende.customers.ContactId requester, Channel channel, Instant resolvedSince) {
        return jdbc.sql("SELECT id FROM ticket WHERE requester_contact_id = ? AND channel = ? AND status <> 'CLOSED' "
                        + "AND (status <> 'RESOLVED' OR resolved_at >= ?) ORDER BY updated_at DESC, id DESC LIMIT 1")
                .params(requester.value(), channel.name(), Timestamp.from(resolvedSince)).query(Long.class).optional()
                .flatMap(id -> tickets.findById(id)).map(Ticket::view);
    }

    /** A ticket by its number, as the desk itself reads it (not a user's read). */
    @Transactional(readOnly = true)
    public java.util.Optional<TicketView> lookupByNumber(long number) {
        return tickets.findByNumber(number).map(Ticket::view);
    }

    /** A ticket's messages, notes included, oldest first, as the desk itself reads them (not a user's read). */
    @Transactional(readOnly = true)
    public List<MessageView> messagesOf(TicketId id) {
        return messages.findByTicket(id.value()).stream().map(Message::view).toList();
    }

    /** The texts of the messages these tickets were opened with, read together (tickets without a message are absent). */
    @Transactional(readOnly = true)
    public Map<TicketId, String> openingTexts(Collection<TicketId> ids) {
        Map<TicketId, String> found = new HashMap<>();
        List<Long> all = ids.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("SELECT ticket_id, body FROM message WHERE id IN (SELECT MIN(id) FROM message WHERE ticket_id IN (:ids) GROUP BY ticket_id)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> found.put(new TicketId(rs.getLong(1)), rs.getString(2))).list();
        }
        return found;
    }

    /** The text of the message a ticket was opened with, as the desk itself reads it; empty only for a ticket that has none. */
    @Transactional(readOnly = true)
    public Optional<String> openingText(TicketId id) {
        return jdbc.sql("SELECT body FROM message WHERE ticket_id = ? ORDER BY id LIMIT 1").param(id.value()).query(String.class).optional();
    }

    /** A message as the desk itself reads it, for channels and notifications (not a user's read). */
    @Transactional(readOnly = true)
    public java.util.Optional<MessageView> lookupMessage(long messageId) {
        return messages.findById(messageId).map(Message::view);
    }

    /**
     * The contacts taking part in a ticket: its requester and every contact who wrote on it. A mail from
     * anyone else does not join the ticket silently.
     */
    @Transactional(readOnly = true)
    public Set<org.atende.customers.ContactId> participants(TicketId id) {
        Set<org.atende.customers.ContactId> found = new java.util.HashSet<>();
        tickets.findById(id.value()).ifPresent(t -> {
            if (t.requesterContactId != null) {
                found.add(new org.atende.customers.ContactId(t.requesterContactId));
            }
        });
        jdbc.sql("SELECT DISTINCT author_contact_id FROM message WHERE ticket_id = ? AND author_contact_id IS NOT NULL")
                .param(id.value()).query(Long.class).list().forEach(c -> found.add(new org.atende.customers.ContactId(c)));
        return found;
    }

    /** The priorities of tickets, for modules that follow them (the desk's own read, not a user's). */
    @Transactional(readOnly = true)
    public Map<TicketId, Priority> prioritiesOf(Collection<TicketId> ids) {
        Map<TicketId, Priority> found = new HashMap<>();
        List<Long> values = ids.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            jdbc.sql("SELECT id, priority FROM ticket WHERE id IN (:ids)").param("ids", values.subList(from, Math.min(values.size(), from + 500)))
                    .query(rs -> {
                        found.put(new TicketId(rs.getLong("id")), Priority.valueOf(rs.getString("priority")));
                    });
        }
        return found;
    }

    /** The numbers of tickets (for log lines of work done on many at once); unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<TicketId, Long> numbersOf(Collection<TicketId> ids) {
        Map<TicketId, Long> found = new HashMap<>();
        List<Long> values = ids.stream().map(TicketId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            jdbc.sql("SELECT id, number FROM ticket WHERE id IN (:ids)").param("ids", values.subList(from, Math.min(values.size(), from + 500)))
                    .query(rs -> {
                        found.put(new TicketId(rs.getLong("id")), rs.getLong("number"));
                    });
        }
        return found;
    }

    /** An organisation's tickets that are not resolved or closed (the desk's own read, not a user's). */
    @Transactional(readOnly = true)
    public List<TicketId> unresolvedOf(OrganisationId organisation) {
        return jdbc.sql("SELECT id FROM ticket WHERE organisation_id = ? AND status NOT IN ('RESOLVED', 'CLOSED') ORDER BY id")
                .param(organisation.value()).query((rs, n) -> new TicketId(rs.getLong(1))).list();
    }

    /** A ticket's audit trail in the order it was written, as the desk itself reads it (reports rebuild from it). */
    @Transactional(readOnly = true)
    public List<TimelineEventView> timelineOf(TicketId id) {
        return timeline.of(id);
    }

    /** The audit trails of many tickets, each in the order it was written (tickets without one are left out). */
    @Transactional(readOnly = true)
    public Map<TicketId, List<TimelineEventView>> timelinesOf(Collection<TicketId> ids) {
        return timeline.of(ids);
    }

    /** Up to {@code limit} ticket ids above {@code after}, ascending: every ticket, page by page (the desk's own read). */
    @Transactional(readOnly = true)
    public List<TicketId> idsAfter(long after, int limit) {
        return jdbc.sql("SELECT id FROM ticket WHERE id > ? ORDER BY id LIMIT ?").params(after, limit)
                .query((rs, n) -> new TicketId(rs.getLong(1))).list();
    }

    /** How many tickets the desk holds. */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ticket").query(Long.class).single();
    }

    /** Appends to a ticket's timeline on behalf of another module; entries are never edited. */
    public void recordOnTimeline(TicketId ticket, TimelineEntry e) {
        timeline.append(ticket, e);
    }

    /** Appends entries to their tickets' timelines in one statement, in the order given. */
    public void recordOnTimelines(List<Map.Entry<TicketId, TimelineEntry>> entries) {
        timeline.appendAll(entries);
    }

    /**
     * Sets the earliest due time of a ticket's running clocks, the queue's sort key (null: nothing due). A ticket this
     * transaction opened with that very time ({@link OpeningDueTimes}) is not written again.
     */
    public void setNextDue(TicketId ticket, @Nullable Instant due) {
        Ticket opened = openedHere().get(ticket.value());
        if (opened != null && Objects.equals(opened.nextDueAt, due)) {
            return;
        }
        jdbc.sql("UPDATE ticket SET next_due_at = ? WHERE id = ?")
                .params(due == null ? null : Timestamp.from(due), ticket.value()).update();
        if (opened != null) {
            opened.nextDueAt = due;
        }
    }

    /** The tickets the current transaction opened, as it opened them (empty outside a transaction; see {@link #asOpenedHere}). */
    private static Map<Long, Ticket> openedHere() {
        return TransactionScoped.value(OPENED_HERE, () -> new HashMap<Long, Ticket>()).orElseGet(HashMap::new);
    }

    /** Closes one resolved ticket on behalf of the desk (see {@link AutoClose}). */
    void closeResolved(long ticketId, Instant now) {
        Ticket t = tickets.findById(ticketId).orElseThrow();
        if (t.status != TicketStatus.RESOLVED) {
            return;
        }
        t.moveTo(TicketStatus.CLOSED, now);
        timeline.append(t.ticketId(), new TimelineEntry(now, null, TimelineEntry.SYSTEM, "STATUS_CHANGED", "status",
                TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name(), "closed automatically after resolution"));
        tickets.save(t);
        events.publishEvent(new TicketStatusChanged(t.ticketId(), TicketStatus.RESOLVED, TicketStatus.CLOSED, now));
    }

    /** When the clocks start: whole seconds, like every instant of business time. */
    private Instant receivedAt(OpenTicket command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (command.receivedAt() == null) {
            return now;
        }
        Instant received = command.receivedAt().truncatedTo(ChronoUnit.SECONDS);
        if (received.isAfter(now)) {
            throw TicketProblems.invalid("receivedAt " + command.receivedAt() + " is in the future");
        }
        return received;
    }

    private static TicketStatus nextStatusAfter(MessageKind kind, TicketStatus current, @Nullable TicketStatus wanted) {
        return switch (kind) {
            case CUSTOMER -> current == TicketStatus.WAITING_ON_CUSTOMER || current == TicketStatus.RESOLVED
                    ? TicketStatus.OPEN : current;
            case AGENT -> wanted != null ? wanted : current == TicketStatus.NEW ? TicketStatus.OPEN : current;
            case NOTE, SYSTEM, AUTOMATIC -> wanted != null ? wanted : current;
        };
    }

    private void move(Ticket t, TicketStatus to, Actor actor, Instant now) {
        move(t, to, Author.of(actor), now);
    }

    private void move(Ticket t, TicketStatus to, Author actor, Instant now) {
        if (!Transitions.allows(t.status, to)) {
            throw TicketProblems.illegalTransition(t.status, to, Transitions.from(t.status));
        }
        timeline.append(t.ticketId(), new TimelineEntry(now, actor.userId(), actor.name(), "STATUS_CHANGED", "status",
                t.status.name(), to.name(), null));
        t.moveTo(to, now);
    }

    private Ticket visible(TicketId id, Actor actor) {
        Ticket t = tickets.findById(id.value()).filter(x -> actor.canSee(new OrganisationId(x.organisationId)))
                .orElseThrow(() -> TicketProblems.notFound("ticket " + id));
        LogFields.ticketOfRequest(t.number); // the request's further log lines name the ticket
        return t;
    }

    /** What a message's write on its ticket decides from: the status and its instants as the message read them. */
    private record StatusAsRead(TicketStatus status, @Nullable Instant resolvedAt, @Nullable Instant closedAt) {
    }

    /**
     * Writes what a message changes on its ticket (status, its instants, the time of the change), without rewriting
     * the ticket's tags as saving the whole aggregate would, on the condition that the fields the message decided from
     * are as it read them. A change made meanwhile that left them alone (routing taking the ticket, an agent moving its
     * priority) does not refuse the message; a change of status does. The version moves by one, as for any change.
     */
    private void saveStatus(Ticket t, StatusAsRead asRead) {
        int written = jdbc.sql("""
                UPDATE ticket SET status = ?, resolved_at = ?, closed_at = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND status = ? AND resolved_at IS NOT DISTINCT FROM ? AND closed_at IS NOT DISTINCT FROM ?""")
                .params(t.status.name(), timestamp(t.resolvedAt), timestamp(t.closedAt), timestamp(t.updatedAt), t.id,
                        asRead.status().name(), timestamp(asRead.resolvedAt()), timestamp(asRead.closedAt()))
                .update();
        if (written != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "ticket #" + t.number + " was changed by someone else while the message was written (its status moved)");
        }
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private TicketView reload(Ticket t) {
        return tickets.findById(t.id).orElseThrow().view();
    }

    private @Nullable Long requester(OpenTicket command, Author actor, OrganisationId org) {
        if (!actor.staff()) {
            return actor.contactIdValue();
        }
        if (command.requester() == null) {
            return null;
        }
        ContactSummary contact = customers.contact(command.requester())
                .filter(c -> c.organisationId().equals(org))
                .orElseThrow(() -> TicketProblems.invalid("contact " + command.requester() + " is not a contact of organisation " + org));
        return contact.id().value();
    }

    private Priority defaultPriority(OrganisationSummary org) {
        return customers.plan(org.planId()).map(p -> Priority.valueOf(p.defaultPriority())).orElse(Priority.MEDIUM);
    }

    private static void staffOnly(Actor actor, String what) {
        if (!actor.isStaff()) {
            throw TicketProblems.forbidden("only Customer Care staff may " + what);
        }
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw TicketProblems.invalid(field + " must not be blank");
        }
        if (value.length() > max) {
            throw TicketProblems.invalid(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    /**
     * A technical-service request's category is one of the terms' kinds of database work ({@code other}
     * when not given); a support ticket's is free text, at most 60 characters.
     */
    private static @Nullable String category(TicketType type, @Nullable String given) {
        if (type.isSupport()) {
            String c = blankToNull(given);
            if (c != null && c.length() > 60) {
                throw TicketProblems.invalid("category is longer than 60 characters");
            }
            return c;
        }
        if (given == null || given.isBlank()) {
            return TechnicalServiceCategory.OTHER.code();
        }
        return TechnicalServiceCategory.of(given).map(TechnicalServiceCategory::code)
                .orElseThrow(() -> TicketProblems.invalid("a technical-service category is one of "
                        + java.util.Arrays.stream(TechnicalServiceCategory.values()).map(TechnicalServiceCategory::code).toList()
                        + ", not '" + given + "'"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Set<String> normalised(Set<String> tags) {
        Set<String> out = new TreeSet<>();
        for (String tag : tags) {
            String t = tag.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            if (t.isEmpty() || t.length() > 60) {
                throw TicketProblems.invalid("a tag must have 1 to 60 characters: '" + tag + "'");
            }
            out.add(t);
        }
        return out;
    }

    private static TimelineEntry entry(Actor actor, Instant at, String kind, @Nullable String field,
            @Nullable String before, @Nullable String after, @Nullable String detail) {
        return new TimelineEntry(at, actor.userId(), actor.name(), kind, field, before, after, detail);
    }

    private static TimelineEntry change(Actor actor, Instant at, String field, @Nullable Object before, @Nullable Object after) {
        return entry(actor, at, "CHANGED", field, before == null ? null : before.toString(),
                after == null ? null : after.toString(), null);
    }
}
