package org.atende.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules ask of customers: organisations, their plans and contacts, and how to recognise them. */
@Service
@Transactional(readOnly = true)
public class Customers {

    private static final String ORGANISATION = """
            SELECT o.id, o.name, o.plan_id, o.language, o.calendar_id,
                   (SELECT STRING_AGG(d.domain, ',') FROM organisation_domain d WHERE d.organisation_id = o.id) AS domains
            FROM organisation o""";
    private static final String CONTACT = "SELECT id, organisation_id, name, email, phone, language FROM contact";

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganisationSummary> organisation(OrganisationId id) {
        return jdbc.sql(ORGANISATION + " WHERE o.id = ?").param(id.value()).query(Customers::organisation).optional();
    }

    /** The organisation that owns an e-mail domain ({@code example.com}), if any. */
    public Optional<OrganisationSummary> organisationByDomain(String domain) {
        return jdbc.sql(ORGANISATION + " WHERE o.id = (SELECT organisation_id FROM organisation_domain WHERE domain = ?)")
                .param(domain.strip().toLowerCase(Locale.ROOT)).query(Customers::organisation).optional();
    }

    public Optional<PlanSummary> plan(PlanId id) {
        return jdbc.sql("SELECT id, name, sla_policy_id, default_priority FROM plan WHERE id = ?").param(id.value())
                .query((rs, n) -> new PlanSummary(new PlanId(rs.getLong("id")), rs.getString("name"),
                        rs.getLong("sla_policy_id"), rs.getString("default_priority")))
                .optional();
    }

    public Optional<ContactSummary> contact(ContactId id) {
        return jdbc.sql(CONTACT + " WHERE id = ?").param(id.value()).query(Customers::contact).optional();
    }

    public Optional<ContactSummary> contactByEmail(String email) {
        return jdbc.sql(CONTACT + " WHERE email = ?").param(email.strip().toLowerCase(Locale.ROOT))
                .query(Customers::contact).optional();
    }

    /** Contacts with this E.164 phone number ({@code +351912345678}); usually one. */
    public List<ContactSummary> contactsByPhone(String e164) {
        return jdbc.sql(CONTACT + " WHERE phone = ? ORDER BY id").param(e164).query(Customers::contact).list();
    }

    private static OrganisationSummary organisation(ResultSet rs, int row) throws SQLException {
        String domains = rs.getString("domains");
        long calendar = rs.getLong("calendar_id");
        Long calendarId = rs.wasNull() ? null : calendar; // wasNull speaks of the last column read
        return new OrganisationSummary(new OrganisationId(rs.getLong("id")), rs.getString("name"),
                new PlanId(rs.getLong("plan_id")), Language.valueOf(rs.getString("language")),
                domains == null ? List.of() : List.of(domains.split(",")).stream().sorted().toList(),
                calendarId);
    }

    private static ContactSummary contact(ResultSet rs, int row) throws SQLException {
        return new ContactSummary(new ContactId(rs.getLong("id")), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), Language.valueOf(rs.getString("language")));
    }
}
