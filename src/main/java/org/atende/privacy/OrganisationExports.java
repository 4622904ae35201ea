package org.atende.privacy;

import java.time.Clock;
import java.util.Map;

import org.atende.audit.AuditAction;
import org.atende.audit.AuditKind;
import org.atende.audit.AuditLog;
import org.atende.audit.AuditedChange;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.atende.tickets.Attachments;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts an organisation's export: checks who asks and the confirmation, writes the export on the audit
 * log, and hands back the {@link OrganisationExport} to stream.
 */
@Service
public class OrganisationExports {

    private final Customers customers;
    private final Tickets tickets;
    private final Attachments attachments;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationExports(Customers customers, Tickets tickets, Attachments attachments, AuditLog audit, Clock clock) {
        this.customers = customers;
        this.tickets = tickets;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OrganisationExport start(OrganisationId id, @Nullable String confirm, Actor actor) {
        PrivacyProblems.adminOnly(actor, "export an organisation's data");
        OrganisationSummary organisation = customers.organisation(id)
                .orElseThrow(() -> Problem.notFound("organisation " + id.value()));
        PrivacyProblems.requireConfirmation(confirm == null ? "" : confirm, PrivacyProblems.EXPORT, "exporting an organisation's data");
        OrganisationExport export = new OrganisationExport(organisation, actor, clock.instant(), customers, tickets, attachments);
        audit.record(new AuditedChange(AuditKind.DATA_EXPORT, AuditAction.EXPORTED, String.valueOf(id.value()),
                "Organisation " + organisation.name(), Map.of(), AuditedChange.fields("file", export.filename(),
                        "contacts", customers.countContacts(id))));
        return export;
    }
}
