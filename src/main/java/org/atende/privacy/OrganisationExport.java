package org.atende.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.tickets.AttachmentContent;
import org.atende.tickets.AttachmentView;
import org.atende.tickets.Attachments;
import org.atende.tickets.MessageView;
import org.atende.tickets.TicketPage;
import org.atende.tickets.TicketQuery;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One organisation's data as a ZIP file, written as it is read (ticket by ticket, never all in memory):
 * <pre>
 * manifest.json                what this is, when and by whom it was made, how many of each
 * organisation.json            the organisation and its plan
 * contacts.json                every contact (erased ones as they are now)
 * tickets/1042.json            a ticket, its public conversation and the files of each message
 * attachments/1042/17-foto.jpg the files themselves, byte for byte
 * </pre>
 * What the organisation's people could see is what is exported: internal notes and their files, and the
 * desk's own timeline, stay out.
 */
public final class OrganisationExport {

    static final String FORMAT = "atende-organisation-export/1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int PAGE = TicketQuery.MAX_SIZE;

    private final OrganisationSummary organisation;
    private final Actor actor;
    private final Instant at;
    private final Customers customers;
    private final Tickets tickets;
    private final Attachments attachments;

    OrganisationExport(OrganisationSummary organisation, Actor actor, Instant at, Customers customers, Tickets tickets,
            Attachments attachments) {
        this.organisation = organisation;
        this.actor = actor;
        this.at = at;
        this.customers = customers;
        this.tickets = tickets;
        this.attachments = attachments;
    }

    /** The file's name: {@code atende-export-<organisation id>-<yyyymmdd>.zip}. */
    public String filename() {
        return "atende-export-" + organisation.id().value() + "-" + at.toString().substring(0, 10).replace("-", "") + ".zip";
    }

    /**
     * Answers the request with the file, written straight to the response as it is read: in the request's
     * own thread, so the caller's identity holds to the end (an asynchronous body would lose it).
     */
    public void send(jakarta.servlet.http.HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment().filename(filename())
                .build().toString());
        response.setHeader("Cache-Control", "no-store");
        writeTo(response.getOutputStream());
    }

    public void writeTo(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            List<Map<String, @Nullable Object>> contacts = contacts();
            int ticketCount = 0;
            int fileCount = 0;
            for (int page = 0; ; page++) {
                TicketPage found = tickets.list(query(page), actor);
                for (TicketView ticket : found.items()) {
                    fileCount += ticket(zip, ticket);
                    ticketCount++;
                }
                if ((long) (page + 1) * PAGE >= found.total() || found.items().isEmpty()) {
                    break;
                }
            }
            json(zip, "organisation.json", organisation());
            json(zip, "contacts.json", contacts);
            Map<String, @Nullable Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("organisationId", organisation.id().value());
            manifest.put("organisation", organisation.name());
            manifest.put("exportedAt", at.toString());
            manifest.put("exportedBy", actor.name());
            manifest.put("contacts", contacts.size());
            manifest.put("tickets", ticketCount);
            manifest.put("attachments", fileCount);
            manifest.put("leftOut", "internal notes and their files; the desk's internal timeline");
            json(zip, "manifest.json", manifest);
        }
    }

    private TicketQuery query(int page) {
        return new TicketQuery(Set.of(), Set.of(), organisation.id(), null, null, null, null, null, null, null, null,
                TicketQuery.Sort.CREATED, page, PAGE);
    }

    /** Writes a ticket's JSON and its files; answers how many files. */
    private int ticket(ZipOutputStream zip, TicketView t) throws IOException {
        List<MessageView> messages = tickets.messagesOf(t.id()).stream().filter(m -> m.kind().isPublic()).toList();
        Set<Long> publicIds = messages.stream().map(MessageView::id).collect(Collectors.toSet());
        List<AttachmentView> files = attachments.of(t.id(), actor).stream()
                .filter(a -> a.messageId() == null || publicIds.contains(a.messageId())).toList();
        Map<@Nullable Long, List<Map<String, @Nullable Object>>> filesByMessage = new LinkedHashMap<>();
        for (AttachmentView a : files) {
            String path = "attachments/" + t.number() + "/" + a.id() + "-" + a.filename();
            AttachmentContent content = attachments.download(t.id(), a.id(), actor);
            zip.putNextEntry(new ZipEntry(path));
            zip.write(content.content());
            zip.closeEntry();
            Map<String, @Nullable Object> file = new LinkedHashMap<>();
            file.put("id", a.id());
            file.put("filename", a.filename());
            file.put("contentType", a.contentType());
            file.put("sizeBytes", a.sizeBytes());
            file.put("sha256", a.sha256());
            file.put("file", path);
            filesByMessage.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(file);
        }
        Map<String, @Nullable Object> ticket = new LinkedHashMap<>();
        ticket.put("number", t.number());
        ticket.put("subject", t.subject());
        ticket.put("type", t.type().name());
        ticket.put("category", t.category());
        ticket.put("status", t.status().name());
        ticket.put("priority", t.priority().name());
        ticket.put("channel", t.channel().name());
        ticket.put("requesterContactId", t.requesterContactId() == null ? null : t.requesterContactId().value());
        ticket.put("tags", t.tags().stream().sorted().toList());
        ticket.put("overQuota", t.overQuota());
        ticket.put("receivedAt", text(t.receivedAt()));
        ticket.put("resolvedAt", text(t.resolvedAt()));
        ticket.put("closedAt", text(t.closedAt()));
        List<Map<String, @Nullable Object>> conversation = new ArrayList<>();
        for (MessageView m : messages) {
            Map<String, @Nullable Object> message = new LinkedHashMap<>();
            message.put("id", m.id());
            message.put("kind", m.kind().name());
            message.put("authorContactId", m.authorContactId() == null ? null : m.authorContactId().value());
            message.put("channel", m.channel().name());
            message.put("createdAt", text(m.createdAt()));
            message.put("body", m.body());
            message.put("attachments", filesByMessage.getOrDefault(m.id(), List.of()));
            conversation.add(message);
        }
        ticket.put("messages", conversation);
        ticket.put("attachments", filesByMessage.getOrDefault(null, List.of())); // files on the ticket, of no message
        json(zip, "tickets/" + t.number() + ".json", ticket);
        return files.size();
    }

    private Map<String, @Nullable Object> organisation() {
        Map<String, @Nullable Object> o = new LinkedHashMap<>();
        o.put("id", organisation.id().value());
        o.put("name", organisation.name());
        o.put("language", organisation.language().name());
        o.put("emailDomains", organisation.emailDomains());
        customers.plan(organisation.planId()).ifPresent(plan -> {
            Map<String, @Nullable Object> p = new LinkedHashMap<>();
            p.put("id", plan.id().value());
            p.put("name", plan.name());
            p.put("monthlyTicketAllowance", plan.monthlyTicketAllowance());
            p.put("overQuotaPolicy", plan.overQuotaPolicy().name());
            o.put("plan", p);
        });
        return o;
    }

    private List<Map<String, @Nullable Object>> contacts() {
        List<Map<String, @Nullable Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<ContactSummary> found = customers.contacts(organisation.id(), page, PAGE);
            for (ContactSummary c : found) {
                Map<String, @Nullable Object> contact = new LinkedHashMap<>();
                contact.put("id", c.id().value());
                contact.put("name", c.name());
                contact.put("email", c.email());
                contact.put("phone", c.phone());
                contact.put("whatsappUserId", c.whatsappUserId());
                contact.put("language", c.language().name());
                contact.put("erasedAt", customers.erasedAt(c.id()).map(Instant::toString).orElse(null));
                all.add(contact);
            }
            if (found.size() < PAGE) {
                return all;
            }
        }
    }

    private static void json(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try {
            zip.write(JSON.writeValueAsBytes(value));
        } catch (tools.jackson.core.JacksonException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        zip.closeEntry();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
