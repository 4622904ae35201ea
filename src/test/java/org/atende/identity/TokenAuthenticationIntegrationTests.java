package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.identity.internal.RecentActors;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TokenAuthenticationIntegrationTests extends ApiIntegrationSupport {

    @Autowired
    RecentActors recentActors;

    @Test
    void aCachedActorSparesTheReadOfItsTokenForAFewSeconds() {
        long agent = createUser("AGENT", null, null);
        Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin, Map.of("name", "cached"));
        String secret = issued.json().path("secret").asString();
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);

        // a change made behind the desk's back (not through it) is not seen while the actor is cached
        jdbc.sql("UPDATE api_token SET token_hash = 'changed' WHERE id = ?").param(issued.id()).update();
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);

        recentActors.forgetAll(); // stands for those few seconds passing
        assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(401);
    }

    @Nested
    class AGoodToken {

        @Test
        void signsTheCallerInAsItsUser() {
            Answer me = api.get("/api/v1/me", admin);

            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("email").asString()).isEqualTo(ADMIN_EMAIL);
            assertThat(me.json().path("role").asString()).isEqualTo("ADMIN");
            assertThat(me.header("Set-Cookie")).as("the API keeps no session").isEmpty();
        }

        @Test
        void hasTheAgreedShapeAndIsShownOnlyWhenIssued() {
            long agent = createUser("AGENT", null, null);
            Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin, Map.of("name", "mobile app"));

            String secret = issued.json().path("secret").asString();
            assertThat(issued.status()).isEqualTo(201);
            assertThat(issued.header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(secret).matches("atd_[A-Za-z0-9_-]{43}");
            assertThat(issued.json().path("prefix").asString()).isEqualTo(secret.substring(0, 12));

            Answer listed = api.get("/api/v1/users/" + agent + "/tokens", admin);
            Answer one = api.get("/api/v1/tokens/" + issued.id(), admin);
            assertThat(listed.json().get(0).has("secret")).isFalse();
            assertThat(listed.body()).doesNotContain(secret);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.body()).doesNotContain(secret).contains(secret.substring(0, 12));
        }

        @Test
        void isStoredOnlyAsTheSha256OfItsSecret() throws Exception {
            long agent = createUser("AGENT", null, null);
            Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin, Map.of("name", "integration"));
            String secret = issued.json().path("secret").asString();

            Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(issued.id()).query().singleRow();

            String sha256 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
            assertThat(row.get("token_hash")).isEqualTo(sha256);
            assertThat(row.get("prefix")).isEqualTo(secret.substring(0, 12));
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret.substring(12)));
        }

        @Test
        void recordsItsLastUseAtMostOnceAMinute() {
            long agent = createUser("AGENT", null, null);
            Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin, Map.of("name", "busy app"));
            String secret = issued.json().path("secret").asString();

            api.get("/api/v1/me", secret);
            Instant first = lastUsed(issued.id());
            api.get("/api/v1/me", secret);
            assertThat(lastUsed(issued.id())).isEqualTo(first);

            Instant twoMinutesBefore = first.minus(2, ChronoUnit.MINUTES);
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                    .params(Timestamp.from(twoMinutesBefore), issued.id()).update();
            recentActors.forgetAll(); // stands for the few seconds after which the token is read again
            api.get("/api/v1/me", secret);
            assertThat(lastUsed(issued.id())).isAfter(twoMinutesBefore.plusSeconds(60));
        }

        private Instant lastUsed(long token) {
            return jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?").param(token)
                    .query(Timestamp.class).single().toInstant();
        }
    }

    @Nested
    class NoOrABadToken {

        @Test
        void isAnswered401WithABearerChallengeAndAProblem() {
            Answer anonymous = api.get("/api/v1/me", null);

            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(anonymous.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(anonymous.json().path("type").asString()).isEqualTo("https://atende.example/problems/unauthorized");
            assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
        }

        @Test
        void refusesAnUnknownToken() {
            Answer unknown = api.get("/api/v1/me", "atd_" + "A".repeat(43));

            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(unknown.json().path("type").asString()).endsWith("/unauthorized");
        }

        @Test
        void refusesAnAuthorizationHeaderOfAnotherScheme() {
            Answer basic = api.exchange("GET", "/api/v1/me", null, java.net.http.HttpRequest.BodyPublishers.noBody(), null,
                    "Authorization", "Basic YWRtaW46YWRtaW4=");

            assertThat(basic.status()).isEqualTo(401);
            assertThat(basic.json().path("type").asString()).endsWith("/unauthorized");
        }

        @Test
        void refusesATokenOnceRevoked() {
            long agent = createUser("AGENT", null, null);
            Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin, Map.of("name", "old laptop"));
            String secret = issued.json().path("secret").asString();
            assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);

            assertThat(api.delete("/api/v1/tokens/" + issued.id(), admin).status()).isEqualTo(204);

            Answer after = api.get("/api/v1/me", secret);
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.json().path("type").asString()).endsWith("/unauthorized");
            assertThat(api.get("/api/v1/tokens/" + issued.id(), admin).json().path("revokedAt").isNull()).isFalse();
        }

        @Test
        void refusesATokenPastItsExpiry() {
            long agent = createUser("AGENT", null, null);
            Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin,
                    Map.of("name", "short-lived", "expiresAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
            String secret = issued.json().path("secret").asString();
            assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(200);

            jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(1)), issued.id()).update();
            recentActors.forgetAll(); // stands for the few seconds after which the token is read again

            assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(401);
        }

        @Test
        void refusesTheTokenOfADeactivatedUser() {
            long agent = createUser("AGENT", null, null);
            String secret = tokenFor(agent);
            Map<String, Object> user = api.get("/api/v1/users/" + agent, admin).fields("id");
            user.put("active", false);

            assertThat(api.put("/api/v1/users/" + agent, admin, user).status()).isEqualTo(200);

            assertThat(api.get("/api/v1/me", secret).status()).isEqualTo(401);
        }
    }

    @Test
    void refusesAnExpiryInThePast() {
        long agent = createUser("AGENT", null, null);

        Answer issued = api.post("/api/v1/users/" + agent + "/tokens", admin,
                Map.of("name", "too late", "expiresAt", "2020-01-01T00:00:00Z"));

        assertThat(issued.status()).isEqualTo(400);
        assertThat(issued.json().path("type").asString()).endsWith("/validation");
        assertThat(issued.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresAt");
    }

    @Test
    void bootstrapsTheFirstAdministratorOnlyOnce() {
        assertThat(identity.createFirstAdmin("second.admin@vendor.example", "violet kettle on the hill")).isFalse();
        assertThat(identity.userByEmail("second.admin@vendor.example")).isEmpty();
    }
}
