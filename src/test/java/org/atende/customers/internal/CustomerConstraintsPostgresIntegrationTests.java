package org.atende.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.atende.customers.ContactDraft;
import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.UserDraft;
import org.atende.support.PostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL: the repositories map the aggregates to the lower-case tables, the unique constraints
 * on e-mails and domains hold even when the facade's checks are bypassed, and the facades turn a taken
 * value into a 409 naming the field. Fails (never skips) when the server is down.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@DirtiesContext
class CustomerConstraintsPostgresIntegrationTests {

    @RegisterExtension
    static final PostgresSchema schema = PostgresSchema.createFor(CustomerConstraintsPostgresIntegrationTests.class);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerDataSource(registry);
    }

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    ContactRepository contacts;

    @Autowired
    Customers customers;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    PlanId plan;

    @BeforeEach
    void aPlan() {
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sla_policy (name, pausing_statuses, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(unique("policy"), "WAITING_ON_CUSTOMER", now, now).update(keys, "id");
        plan = customers.createPlan(new PlanDraft(unique("Plan"), keys.getKeyAs(Long.class), "MEDIUM")).id();
    }

    @Test
    void theDatabaseRefusesASecondContactWithTheSameEmail() {
        long organisation = organisation();
        String email = unique("ana") + "@acme.example";
        contacts.save(Contact.create(organisation, "Ana", email, null, Language.PT, "Europe/Lisbon", Instant.now()));

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() ->
                contacts.save(Contact.create(organisation, "Ana Again", email, null, Language.PT, "Europe/Lisbon", Instant.now())));
    }

    @Test
    void theDatabaseRefusesADomainOfAnotherOrganisationAndKeepsNothingOfTheSecond() {
        String domain = unique("acme") + ".example";
        organisations.save(Organisation.create(unique("First"), plan.value(), Language.PT, null, null, List.of(domain),
                Instant.now()));
        String second = unique("Second");

        assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> organisations.save(
                Organisation.create(second, plan.value(), Language.EN, null, null, List.of("other.example", domain),
                        Instant.now())));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation WHERE name = ?").param(second).query(Long.class).single())
                .isZero();
    }

    @Test
    void theDatabaseRefusesASecondUserWithTheSameEmail() {
        String email = unique("agent") + "@vendor.example";
        String insert = "INSERT INTO app_user (email, name, role, created_at) VALUES (?, 'A', 'AGENT', ?)";
        jdbc.sql(insert).params(email, Timestamp.from(Instant.now())).update();

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> jdbc.sql(insert).params(email, Timestamp.from(Instant.now())).update());
    }

    @Test
    void customersStoresLowerCaseDomainsAndReadsThemBack() {
        String domain = unique("Mixed") + ".Example";

        OrganisationSummary created = customers.createOrganisation(new OrganisationDraft(unique("Mixed"), plan,
                Language.ES, null, List.of(domain, "@mail." + domain)));

        assertThat(created.emailDomains()).containsExactlyInAnyOrder(domain.toLowerCase(), "mail." + domain.toLowerCase());
        assertThat(created.calendarId()).isNull();
        assertThat(customers.organisationByDomain(domain.toUpperCase())).map(OrganisationSummary::id)
                .hasValue(created.id());
    }

    @Test
    void customersAnswersAConflictNamingTheTakenDomain() {
        String domain = unique("taken") + ".example";
        customers.createOrganisation(new OrganisationDraft(unique("Owner"), plan, Language.PT, null, List.of(domain)));

        assertThatExceptionOfType(CustomerDataException.class)
                .isThrownBy(() -> customers.createOrganisation(new OrganisationDraft(unique("Thief"), plan, Language.PT,
                        null, List.of(domain.toUpperCase()))))
                .satisfies(e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("emailDomains[0]");
                });
    }

    @Test
    void customersAnswersAConflictNamingTheTakenContactEmail() {
        var organisation = customers.createOrganisation(new OrganisationDraft(unique("Org"), plan, Language.PT, null,
                List.of()));
        String email = unique("rui") + "@acme.example";
        var first = customers.createContact(organisation.id(), new ContactDraft("Rui", email.toUpperCase(),
                "+351 912 345 678", Language.PT));

        assertThat(first.email()).isEqualTo(email);
        assertThat(first.phone()).isEqualTo("+351912345678");
        assertThatExceptionOfType(CustomerDataException.class)
                .isThrownBy(() -> customers.createContact(organisation.id(), new ContactDraft("Rui 2", email, null,
                        Language.PT)))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("email"));
    }

    @Test
    void identityAnswersAConflictNamingTheTakenUserEmail() {
        String email = unique("lead") + "@vendor.example";
        identity.createUser(new UserDraft(email, "Lead", Role.LEAD, null, null, null, true, null));

        assertThatExceptionOfType(IdentityDataException.class)
                .isThrownBy(() -> identity.createUser(new UserDraft(email.toUpperCase(), "Lead 2", Role.AGENT, null,
                        null, null, true, null)))
                .satisfies(e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void identityCreatesTheFirstAdministratorOnlyWhileThereIsNone() {
        assertThat(identity.createFirstAdmin(unique("first") + "@vendor.example", "a saffron first lantern")).isTrue();
        assertThat(identity.createFirstAdmin(unique("second") + "@vendor.example", "a saffron first lantern")).isFalse();
    }

    @Test
    void identityAuthenticatesTokensAndRecordsTheirUse() {
        var user = identity.createUser(new UserDraft(unique("app") + "@vendor.example", "App", Role.AGENT, null,
                null, null, true, null));
        var issued = identity.issueToken(user.id(), new TokenDraft("app", Instant.now().plus(1, ChronoUnit.DAYS)));

        assertThat(identity.authenticate(issued.secret())).hasValueSatisfying(a -> assertThat(a.userId()).isEqualTo(user.id()));
        assertThat(identity.token(issued.token().id()).orElseThrow().lastUsedAt()).isNotNull();
        identity.revokeToken(issued.token().id());
        assertThat(identity.authenticate(issued.secret())).isEmpty();
    }
    private long organisation() {
        return customers.createOrganisation(new OrganisationDraft(unique("Org"), plan, Language.PT, null, List.of()))
                .id().value();
    }

    private static String unique(String word) {
        return word + UUID.randomUUID().toString().substring(0, 8);
    }
}
