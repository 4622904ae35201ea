package org.atende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.modulith.events.EventPublication;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What must hold for the whole application on any supported database: it starts, Flyway has
 * applied the migrations from the common and the vendor folder, and it answers over real HTTP.
 * Each subclass points the data source at one database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class ApplicationStartupContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    EventPublicationRepository publications;

    /** The id Spring Boot's {@code DatabaseDriver} gives this database, i.e. what {@code {vendor}} becomes. */
    abstract String vendor();

    @Test
    void answersHealthUpOverHttp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesOnlyHealthInfoAndTheGuardedPrometheusScrape() throws Exception {
        JsonNode links = JSON.readTree(get("/actuator").body()).path("_links");

        assertThat(links.propertyNames()).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401); // no atende.metrics.token presented
    }

    @Test
    void readsMigrationsFromTheCommonAndTheVendorFolder() {
        assertThat(flyway.getConfiguration().getLocations())
            .extracting(Object::toString)
            .containsExactly("classpath:db/migration/common", "classpath:db/migration/" + vendor());
    }

    @Test
    void recordsEveryMigrationAsSuccessfullyApplied() {
        var history = jdbc.sql("""
                SELECT version, description, success FROM flyway_schema_history
                WHERE version IS NOT NULL ORDER BY installed_rank""")
            .query((rs, row) -> tuple(rs.getString("version"), rs.getString("description"), rs.getBoolean("success")))
            .list();

        assertThat(history).startsWith(
                tuple("1", "event publication", true),
                tuple("2", "shedlock", true),
                tuple("3", "service desk core", true));
        assertThat(history).allSatisfy(row -> assertThat(row.toList().get(2)).isEqualTo(true));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void createsTheEventPublicationTableWithSpringModulithsColumns() throws SQLException {
        assertThat(columnsOf("event_publication")).containsExactlyInAnyOrder(
                "id", "listener_id", "event_type", "serialized_event", "publication_date", "completion_date",
                "status", "completion_attempts", "last_resubmission_date");
    }

    @Test
    void createsTheShedlockTable() throws SQLException {
        assertThat(columnsOf("shedlock")).containsExactlyInAnyOrder("name", "lock_until", "locked_at", "locked_by");
    }

    @Test
    void storesAndCompletesEventPublicationsInTheMigratedTable() {
        var target = PublicationTargetIdentifier.of("startup-check-" + UUID.randomUUID());
        var publication = publications.create(TargetEventPublication.of(new Probe("ping"), target));
        UUID id = publication.getIdentifier();
        try {
            assertThat(publications.findIncompletePublications())
                .filteredOn(p -> p.getIdentifier().equals(id))
                .singleElement()
                .satisfies(p -> assertThat(p.getEvent()).isEqualTo(new Probe("ping")));

            publications.markCompleted(id, Instant.now().truncatedTo(ChronoUnit.MILLIS));

            assertThat(publications.findIncompletePublications()).extracting(EventPublication::getIdentifier)
                .doesNotContain(id);
            assertThat(publications.findCompletedPublications()).extracting(EventPublication::getIdentifier)
                .contains(id);
        }
        finally {
            publications.deletePublications(List.of(id));
        }
    }

    @Test
    void purgesCompletedPublicationsOlderThanAWeekAndKeepsTheRest(@Autowired CompletedEventPurge purge) {
        var old = publications.create(TargetEventPublication.of(new Probe("old"), PublicationTargetIdentifier.of("purge-" + UUID.randomUUID())));
        var recent = publications.create(TargetEventPublication.of(new Probe("recent"), PublicationTargetIdentifier.of("purge-" + UUID.randomUUID())));
        var open = publications.create(TargetEventPublication.of(new Probe("open"), PublicationTargetIdentifier.of("purge-" + UUID.randomUUID())));
        List<UUID> ids = List.of(old.getIdentifier(), recent.getIdentifier(), open.getIdentifier());
        try {
            publications.markCompleted(old.getIdentifier(), Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.MILLIS));
            publications.markCompleted(recent.getIdentifier(), Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.MILLIS));

            purge.purge();

            assertThat(publications.findCompletedPublications()).extracting(EventPublication::getIdentifier)
                .contains(recent.getIdentifier()).doesNotContain(old.getIdentifier());
            assertThat(publications.findIncompletePublications()).extracting(EventPublication::getIdentifier)
                .contains(open.getIdentifier());
        }
        finally {
            publications.deletePublications(ids);
        }
    }

    record Probe(String text) {
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Column names of a table in the connection's current schema, lower case. */
    private Set<String> columnsOf(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = metaData.getColumns(connection.getCatalog(), connection.getSchema(), table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }
    }
}
