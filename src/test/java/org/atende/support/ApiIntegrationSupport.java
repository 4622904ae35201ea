package org.atende.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.atende.identity.Identity;
import org.atende.identity.TokenDraft;
import org.atende.support.Api.Answer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a private in-memory H2 database, called over real HTTP. Every subclass shares
 * one context (and database), so each test makes its own organisations with unique names. The first
 * administrator is bootstrapped through the {@link Identity} facade, as the start-up does; everything
 * else goes through the API as that administrator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "atende.web.max-request-size=64KB")
public abstract class ApiIntegrationSupport {

    public static final String ADMIN_EMAIL = "first.admin@vendor.example";
    public static final String ADMIN_PASSWORD = "quiet heron, copper staple 9";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    protected Identity identity;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    /** A bearer secret of the first administrator. */
    protected String admin;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:atende-api-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @BeforeEach
    void signInAsTheFirstAdmin() {
        api = new Api(port);
        identity.createFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        var user = identity.userByEmail(ADMIN_EMAIL).orElseThrow();
        admin = identity.issueToken(user.id(), new TokenDraft("tests", null)).secret();
    }

    /** A word unique to this run, for names and e-mail domains. */
    protected static String unique(String word) {
        return word + SEQUENCE.incrementAndGet() + "x" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The seeded SLA policy, the vendor's support terms. */
    protected long slaPolicy() {
        return jdbc.sql("SELECT id FROM sla_policy WHERE name = 'Standard support terms'").query(Long.class).single();
    }

    protected long createPlan() {
        Answer plan = api.post("/api/v1/plans", admin,
                Map.of("name", unique("Plan"), "slaPolicyId", slaPolicy(), "defaultPriority", "MEDIUM"));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        return plan.id();
    }

    protected long createOrganisation(String... domains) {
        Answer organisation = api.post("/api/v1/organisations", admin, Map.of("name", unique("Org"),
                "planId", createPlan(), "language", "PT", "emailDomains", List.of(domains)));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        return organisation.id();
    }

    protected long createContact(long organisation, String email) {
        Answer contact = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Ana " + unique("Silva"), "email", email, "phone", "+351912345678", "language", "PT"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        return contact.id();
    }

    protected long createUser(String role, @Nullable Long organisation, @Nullable Long contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", unique("user") + "@people.example");
        body.put("name", "User " + unique(role));
        body.put("role", role);
        body.put("organisationId", organisation);
        body.put("contactId", contact);
        Answer user = api.post("/api/v1/users", admin, body);
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return user.id();
    }

    /** A bearer secret for the user, issued by the administrator over the API. */
    protected String tokenFor(long user) {
        Answer token = api.post("/api/v1/users/" + user + "/tokens", admin, Map.of("name", "app"));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return token.json().path("secret").asString();
    }

    /** A bearer secret of a kind: INTEGRATION or APP (the vendor's app). */
    protected String tokenFor(long user, String kind) {
        Answer token = api.post("/api/v1/users/" + user + "/tokens", admin, Map.of("name", "app", "kind", kind));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        assertThat(token.json().path("kind").asString()).isEqualTo(kind);
        return token.json().path("secret").asString();
    }

    protected String tokenForNew(String role) {
        return tokenFor(createUser(role, null, null));
    }
}
