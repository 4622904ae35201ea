package org.atende.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, uniquely named schema on the project's local PostgreSQL server, one per test class,
 * so that test classes never see each other's tables.
 * <p>
 * The server URL comes from env {@value #URL_ENV} (default {@value #DEFAULT_URL}). The schema is
 * created eagerly, before any Spring context starts; if PostgreSQL is unreachable this throws, so
 * the test class <em>fails</em> rather than being skipped. Registered as a JUnit extension it drops
 * the schema (CASCADE) when the test class's extension context closes, which is after every
 * {@code afterAll} callback, so after {@code @DirtiesContext} has closed the Spring context (whose
 * event publication registry still queries its table while shutting down). Without
 * {@code @DirtiesContext} the context would outlive its schema in Spring's context cache.
 *
 * <pre>{@code
 * @SpringBootTest
 * @DirtiesContext // the context is bound to this class's schema; close it with the class
 * class SomethingIntegrationTests {
 *
 *     @RegisterExtension
 *     static final PostgresSchema schema = PostgresSchema.createFor(SomethingIntegrationTests.class);
 *
 *     @DynamicPropertySource
 *     static void database(DynamicPropertyRegistry registry) {
 *         schema.registerDataSource(registry);
 *     }
 * }
 * }</pre>
 */
public final class PostgresSchema implements BeforeAllCallback {

    public static final String URL_ENV = "ATENDE_TEST_DB_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    private final String serverUrl;
    private final String name;
    private final String user;
    private boolean dropped;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + quoted(name));
            this.user = connection.getMetaData().getUserName();
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + name + " on PostgreSQL at " + masked(serverUrl)
                    + " (set " + URL_ENV + ", or start the server: pg_ctlcluster --skip-systemctl-redirect"
                    + " $(ls /etc/postgresql) main start)", e);
        }
    }

    /** Creates a schema named after the test class plus a random suffix on the server in {@value #URL_ENV}. */
    public static PostgresSchema createFor(Class<?> testClass) {
        return new PostgresSchema(serverUrl(), uniqueName(testClass.getSimpleName()));
    }

    /** The server URL from {@value #URL_ENV}, or {@value #DEFAULT_URL}. */
    public static String serverUrl() {
        String url = System.getenv(URL_ENV);
        return url == null || url.isBlank() ? DEFAULT_URL : url.strip();
    }

    /** The schema's name: lower case, at most 63 characters, unique per call. */
    public String name() {
        return name;
    }

    /** The server URL with {@code currentSchema} set to this schema, so unqualified names land in it. */
    public String jdbcUrl() {
        return withParameter(serverUrl, "currentSchema", name);
    }

    /** A new connection whose current schema is this schema. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), connectionProperties());
    }

    /**
     * Points {@code spring.datasource.*} at this schema. The user is the one the server reported for
     * the URL; the password is blank unless the URL carries one (URL parameters win in pgjdbc), so
     * {@code ATENDE_DB_*} variables in the environment cannot leak into a test.
     */
    public void registerDataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> "");
    }

    /** Drops the schema and everything in it; safe to call twice. */
    public synchronized void drop() {
        if (dropped) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + quoted(name) + " CASCADE");
            dropped = true;
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + name, e);
        }
    }

    /** Schedules {@link #drop()} for when this test class's extension context closes. */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(PostgresSchema.class, context.getRequiredTestClass()))
            .put(name, (AutoCloseable) this::drop);
    }

    @Override
    public String toString() {
        return "PostgresSchema[" + name + " on " + masked(serverUrl) + "]";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl, connectionProperties());
    }

    private static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5"); // seconds; parameters in the URL take precedence
        return properties;
    }

    static String uniqueName(String hint) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String base = "t_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        int room = MAX_IDENTIFIER_LENGTH - suffix.length() - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return base + "_" + suffix;
    }

    static String withParameter(String url, String key, String value) {
        int query = url.indexOf('?');
        StringBuilder result = new StringBuilder(query < 0 ? url : url.substring(0, query));
        char separator = '?';
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                if (parameter.isEmpty() || parameter.regionMatches(true, 0, key + "=", 0, key.length() + 1)) {
                    continue;
                }
                result.append(separator).append(parameter);
                separator = '&';
            }
        }
        return result.append(separator).append(key).append('=').append(value).toString();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
