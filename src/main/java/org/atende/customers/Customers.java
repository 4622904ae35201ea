package org.atende.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditedChange;
import org.atende.customers.internal.Contacts;
import org.atende.customers.internal.Organisations;
import org.atende.customers.internal.Plans;
import org.atende.operations.SettingsCache;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of customers: organisations, their plans and contacts, and how to recognise
 * them; and the writes, which validate and refuse with a {@link CustomerDataException} listing every
 * field at fault, or a {@link java.util.NoSuchElementException} for an unknown id.
 */
@Service
@Transactional(readOnly = true)
public class Customers {

    static final String ORGANISATION = """
            SELECT o.id, o.name, o.plan_id, o.language, o.calendar_id, o.account_lead_id,
                   (SELECT STRING_AGG(d.domain, ',') FROM organisation_domain d WHERE d.organisation_id = o.id) AS domains
            FROM organisation o""";
    private static final String CONTACT = "SELECT id, organisation_id, name, email, phone, language, whatsapp_user_id, time_zone FROM contact";

    static final String PLAN = "SELECT id, name, sla_policy_id, default_priority, monthly_ticket_allowance, over_quota_policy FROM plan";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Contacts contacts;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<Clock> clock;
    private final ZoneId supportZone;
    private final Quotas quotas;
    private final SettingsReads settings;

    Customers(JdbcClient jdbc, Organisations organisations, Contacts contacts, Plans plans, Quotas quotas,
            SettingsReads settings, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
            @Value("${atende.calendar.zone:Europe/Lisbon}") String supportZone) {
        this.supportZone = ZoneId.of(supportZone);
        this.settings = settings;
        this.jdbc = jdbc;
        this.quotas = quotas;
        this.organisations = organisations;
        this.contacts = contacts;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /** An organisation, from memory while the settings have not changed ({@link SettingsReads}). */
    public Optional<OrganisationSummary> organisation(OrganisationId id) {
        return settings.organisation(id);
    }

    public Optional<OrganisationSummary> organisationByName(String name) {
        return jdbc.sql(ORGANISATION + " WHERE o.name = ?").param(name.strip()).query(Customers::organisation).optional();
    }

    /**
     * The organisation that collects people the desk does not know (unknown e-mail senders, unknown
     * WhatsApp numbers), created on first need with an unlimited plan of the same name measured by
     * {@code slaPolicy}. Created in a transaction of its own, so that two
     * intakes creating it at once leave the loser's transaction intact: it reads the winner's.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public OrganisationSummary triageOrganisation(String name, long slaPolicy) {
        Optional<OrganisationSummary> found = organisationByName(name);
        if (found.isPresent()) {
            return found.get();
        }
        // a plan of its own, unlimited: what a stranger writes is triaged, never refused for another customer's allowance
        PlanSummary plan = plans().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseGet(() -> createPlan(new PlanDraft(name, slaPolicy, "MEDIUM")));
        return createOrganisation(new OrganisationDraft(name, plan.id(), Language.PT, null, List.of()));
    }

    /** The organisation that owns an e-mail domain ({@code example.com}), if any. */
    public Optional<OrganisationSummary> organisationByDomain(String domain) {
        return jdbc.sql(ORGANISATION + " WHERE o.id = (SELECT organisation_id FROM organisation_domain WHERE domain = ?)")
                .param(domain.strip().toLowerCase(Locale.ROOT)).query(Customers::organisation).optional();
    }

    /** One page of organisations by name; {@code page} counts from 0. */
    public List<OrganisationSummary> organisations(int page, int size) {
        return jdbc.sql(ORGANISATION + " ORDER BY o.name, o.id LIMIT ? OFFSET ?").params(size, (long) page * size)
                .query(Customers::organisation).list();
    }

    public long countOrganisations() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
    }

    /** A plan, from memory while the settings have not changed ({@link SettingsReads}). */
    public Optional<PlanSummary> plan(PlanId id) {
        return settings.plan(id);
    }

    public List<PlanSummary> plans() {
        return jdbc.sql(PLAN + " ORDER BY name, id").query(Customers::plan).list();
    }

    public Optional<ContactSummary> contact(ContactId id) {
        return jdbc.sql(CONTACT + " WHERE id = ?").param(id.value()).query(this::contactRow).optional();
    }

    /** The contacts of these ids that exist, read together. */
    public Map<ContactId, ContactSummary> contacts(Collection<ContactId> ids) {
        Map<ContactId, ContactSummary> found = new HashMap<>();
        List<Long> all = ids.stream().map(ContactId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql(CONTACT + " WHERE id IN (:ids)").param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(this::contactRow).list().forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    /** One page of an organisation's contacts by name; {@code page} counts from 0. */
    public List<ContactSummary> contacts(OrganisationId organisation, int page, int size) {
        return jdbc.sql(CONTACT + " WHERE organisation_id = ? ORDER BY name, id LIMIT ? OFFSET ?")
                .params(organisation.value(), size, (long) page * size).query(this::contactRow).list();
    }

    public long countContacts(OrganisationId organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE organisation_id = ?").param(organisation.value())
                .query(Long.class).single();
    }

    public Optional<ContactSummary> contactByEmail(String email) {
        return jdbc.sql(CONTACT + " WHERE email = ?").param(email.strip().toLowerCase(Locale.ROOT))
                .query(this::contactRow).optional();
    }

    /** Contacts with this E.164 phone number ({@code +351912345678}); usually one. */
    public List<ContactSummary> contactsByPhone(String e164) {
        return jdbc.sql(CONTACT + " WHERE phone = ? ORDER BY id").param(e164).query(this::contactRow).list();
    }

    @Transactional
    public OrganisationSummary createOrganisation(OrganisationDraft draft) {
        SettingsCache.changingHere();
        OrganisationSummary created = organisation(organisations.create(draft)).orElseThrow();
        events.publishEvent(AuditedChange.created(AuditKind.ORGANISATION, created.id().value(), "Organisation " + created.name(),
                audited(created)));
        return created;
    }

    @Transactional
    public OrganisationSummary updateOrganisation(OrganisationId id, OrganisationDraft draft) {
        OrganisationSummary before = organisation(id).orElse(null);
        organisations.replace(id, draft);
        SettingsCache.changingHere();
        OrganisationSummary after = organisation(id).orElseThrow();
        if (before != null) {
            events.publishEvent(AuditedChange.changed(AuditKind.ORGANISATION, id.value(), "Organisation " + after.name(),
                    audited(before), audited(after)));
        }
        if (before != null && !before.name().equals(after.name())) {
            events.publishEvent(new OrganisationRenamed(id));
        }
        if (before != null && !before.planId().equals(after.planId())) {
            quotas.planChangedFor(id);
        }
        if (before != null && (!before.planId().equals(after.planId()) || !Objects.equals(before.calendarId(), after.calendarId()))) {
            events.publishEvent(new OrganisationTermsChanged(id, after.planId(), after.calendarId(), now()));
        }
        return after;
    }

    /** The organisations a staff user looks after as account lead. */
    public List<OrganisationId> organisationsLedBy(long userId) {
        return jdbc.sql("SELECT id FROM organisation WHERE account_lead_id = ? ORDER BY id").param(userId)
                .query((rs, n) -> new OrganisationId(rs.getLong(1))).list();
    }

    /** The organisations on a plan. */
    public List<OrganisationId> organisationsOnPlan(PlanId plan) {
        return jdbc.sql("SELECT id FROM organisation WHERE plan_id = ? ORDER BY id").param(plan.value())
                .query((rs, n) -> new OrganisationId(rs.getLong(1))).list();
    }

    @Transactional
    public ContactSummary createContact(OrganisationId organisation, ContactDraft draft) {
        return contact(contacts.create(organisation, draft)).orElseThrow();
    }

    /** The contact WhatsApp knows by this business-scoped user id, if any. */
    public Optional<ContactSummary> contactByWhatsAppUser(String userId) {
        return jdbc.sql(CONTACT + " WHERE whatsapp_user_id = ?").param(userId).query(this::contactRow).optional();
    }

    /**
     * A contact that a channel met first (a WhatsApp number writing in): a name, a phone number and/or a
     * WhatsApp user id, no e-mail. Staff complete it later.
     */
    @Transactional
    public ContactSummary createChannelContact(OrganisationId organisation, String name, @Nullable String phone,
            @Nullable String whatsappUserId, Language language) {
        if (phone == null && whatsappUserId == null) {
            throw new IllegalArgumentException("a channel contact needs a phone number or a WhatsApp user id");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        String shortName = name.isBlank() ? (phone != null ? phone : whatsappUserId) : name.strip();
        jdbc.sql("""
                INSERT INTO contact (organisation_id, name, phone, whatsapp_user_id, language, time_zone, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(organisation.value(), shortName.length() > 200 ? shortName.substring(0, 200) : shortName, phone,
                        whatsappUserId, language.name(), ContactTimeZones.of(phone, supportZone).getId(),
                        java.sql.Timestamp.from(now()))
                .update(keys, "id");
        return contact(new ContactId(keys.getKey().longValue())).orElseThrow();
    }

    /** Records the WhatsApp user id of a contact found by phone, so a later message without the number still finds it. */
    @Transactional
    public void rememberWhatsAppUser(ContactId contact, String whatsappUserId) {
        jdbc.sql("UPDATE contact SET whatsapp_user_id = ? WHERE id = ? AND whatsapp_user_id IS NULL")
                .params(whatsappUserId, contact.value()).update();
    }

    /**
     * The contact's number changed (WhatsApp says so when a customer moves to a new number). A time zone
     * that came from the old number follows the new one; one that staff chose stays.
     */
    @Transactional
    public ContactSummary changePhone(ContactId id, String e164) {
        ContactSummary before = contact(id).orElseThrow(() -> new java.util.NoSuchElementException("No contact " + id + "."));
        ZoneId zone = before.timeZone().equals(ContactTimeZones.of(before.phone(), supportZone))
                ? ContactTimeZones.of(e164, before.timeZone()) : before.timeZone();
        jdbc.sql("UPDATE contact SET phone = ?, time_zone = ? WHERE id = ?").params(e164, zone.getId(), id.value()).update();
        events.publishEvent(new ContactRenamed(id));
        return contact(id).orElseThrow();
    }

    @Transactional
    public ContactSummary updateContact(ContactId id, ContactDraft draft) {
        Optional<ContactSummary> before = contact(id);
        contacts.replace(id, draft);
        ContactSummary after = contact(id).orElseThrow();
        if (before.isPresent() && !(before.get().name().equals(after.name()) && Objects.equals(before.get().email(), after.email())
                && Objects.equals(before.get().phone(), after.phone()))) {
            events.publishEvent(new ContactRenamed(id));
        }
        return after;
    }

    /**
     * Anonymises a contact (part of erasing a person's data): its name becomes "Erased contact #id", its
     * e-mail, phone and WhatsApp user id are removed, and it is marked erased. Answers the contact as it
     * was; empty when it does not exist or was erased already (nothing changes then).
     */
    @Transactional
    public Optional<ContactSummary> eraseContact(ContactId id, java.time.Instant at) {
        Optional<ContactSummary> before = contact(id);
        int changed = jdbc.sql("""
                UPDATE contact SET name = ?, email = NULL, phone = NULL, whatsapp_user_id = NULL, erased_at = ?
                WHERE id = ? AND erased_at IS NULL""")
                .params("Erased contact #" + id.value(), java.sql.Timestamp.from(at), id.value()).update();
        return changed == 1 ? before : Optional.empty();
    }

    /** When a contact's personal data was erased, if it was. */
    public Optional<java.time.Instant> erasedAt(ContactId id) {
        return jdbc.sql("SELECT erased_at FROM contact WHERE id = ? AND erased_at IS NOT NULL").param(id.value())
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    @Transactional
    public PlanSummary createPlan(PlanDraft draft) {
        SettingsCache.changingHere();
        PlanSummary created = plan(plans.create(draft)).orElseThrow();
        events.publishEvent(AuditedChange.created(AuditKind.PLAN, created.id().value(), "Plan " + created.name(), audited(created)));
        return created;
    }

    @Transactional
    public PlanSummary updatePlan(PlanId id, PlanDraft draft) {
        PlanSummary before = plan(id).orElse(null);
        plans.replace(id, draft);
        SettingsCache.changingHere();
        PlanSummary after = plan(id).orElseThrow();
        if (before != null) {
            events.publishEvent(AuditedChange.changed(AuditKind.PLAN, id.value(), "Plan " + after.name(), audited(before), audited(after)));
        }
        if (before != null && !Objects.equals(before.monthlyTicketAllowance(), after.monthlyTicketAllowance())) {
            quotas.allowanceChangedOf(id);
        }
        if (before != null && before.slaPolicyId() != after.slaPolicyId()) {
            events.publishEvent(new PlanTermsChanged(id, after.slaPolicyId(), now()));
        }
        return after;
    }

    private static Map<String, @Nullable Object> audited(PlanSummary plan) {
        return AuditedChange.fields("name", plan.name(), "slaPolicy", plan.slaPolicyId(), "defaultPriority", plan.defaultPriority(),
                "monthlyTicketAllowance", plan.monthlyTicketAllowance() == null ? "unlimited" : plan.monthlyTicketAllowance(),
                "overQuotaPolicy", plan.overQuotaPolicy());
    }

    private static Map<String, @Nullable Object> audited(OrganisationSummary organisation) {
        return AuditedChange.fields("name", organisation.name(), "plan", organisation.planId().value(),
                "language", organisation.language(), "emailDomains", organisation.emailDomains(),
                "calendar", organisation.calendarId(), "accountLead", organisation.accountLeadId());
    }

    private java.time.Instant now() {
        return clock.getIfUnique(Clock::systemUTC).instant();
    }

    static PlanSummary plan(ResultSet rs, int row) throws SQLException {
        int allowance = rs.getInt("monthly_ticket_allowance");
        Integer monthlyTicketAllowance = rs.wasNull() ? null : allowance;
        return new PlanSummary(new PlanId(rs.getLong("id")), rs.getString("name"), rs.getLong("sla_policy_id"),
                rs.getString("default_priority"), monthlyTicketAllowance, OverQuotaPolicy.valueOf(rs.getString("over_quota_policy")));
    }

    static OrganisationSummary organisation(ResultSet rs, int row) throws SQLException {
        String domains = rs.getString("domains");
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar; // read wasNull right after its column
        long lead = rs.getLong("account_lead_id");
        Long accountLeadId = rs.wasNull() ? null : lead;
        return new OrganisationSummary(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                new PlanId(rs.getLong("plan_id")), Language.valueOf(rs.getString("language")),
                domains == null ? List.of() : List.of(domains.split(",")).stream().sorted().toList(), calendarId,
                accountLeadId);
    }

    /** A contact without a zone of its own (written before zones, or by hand) reads the support zone. */
    private ContactSummary contactRow(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("time_zone");
        return new ContactSummary(new ContactId(rs.getLong("id")), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), Language.valueOf(rs.getString("language")),
                rs.getString("whatsapp_user_id"), ContactTimeZones.isZoneId(zone) ? ZoneId.of(zone.strip()) : supportZone);
    }
}
