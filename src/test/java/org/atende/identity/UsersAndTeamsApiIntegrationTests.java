package org.atende.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Administrators manage users and teams; team leads list users; the rules of who is what hold. */
class UsersAndTeamsApiIntegrationTests extends ApiIntegrationSupport {

    @Nested
    class Users {

        @Test
        void areCreatedByAnAdministratorWithALowerCaseEmailAndATeam() {
            long team = api.post("/api/v1/teams", admin, Map.of("name", unique("Second line"), "kind", "SECOND_LINE")).id();
            String email = unique("Marta") + "@Vendor.Example";

            Answer created = api.post("/api/v1/users", admin, Map.of("email", email, "name", "Marta",
                    "role", "AGENT", "teamId", team, "password", "plum orchard at dusk 27"));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("email").asString()).isEqualTo(email.toLowerCase());
            assertThat(created.json().path("teamId").asLong()).isEqualTo(team);
            assertThat(created.json().path("active").asBoolean()).isTrue();
            assertThat(created.body()).doesNotContain("password");
            assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(created.id())
                    .query(String.class).single()).startsWith("{argon2}");
        }

        @Test
        void areListedByLeadsButManagedByAdministratorsOnly() {
            String lead = tokenForNew("LEAD");
            String agent = tokenForNew("AGENT");
            Map<String, Object> body = Map.of("email", unique("x") + "@vendor.example", "name", "X", "role", "AGENT");

            assertThat(api.get("/api/v1/users?size=5", lead).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/users", agent).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/users", lead, body).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/users", agent, body).status()).isEqualTo(403);
        }

        @Test
        void thatAreCustomersBelongToAnOrganisationAndOnlyItsContacts() {
            long organisation = createOrganisation();
            long foreignContact = createContact(createOrganisation(), unique("c") + "@foreign.example");

            Answer noOrganisation = api.post("/api/v1/users", admin,
                    Map.of("email", unique("c") + "@x.example", "name", "C", "role", "CUSTOMER"));
            Answer wrongContact = api.post("/api/v1/users", admin, Map.of("email", unique("c") + "@x.example",
                    "name", "C", "role", "CUSTOMER", "organisationId", organisation, "contactId", foreignContact));

            assertThat(noOrganisation.status()).isEqualTo(400);
            assertThat(ProblemFields.of(noOrganisation)).containsExactly("organisationId");
            assertThat(wrongContact.status()).isEqualTo(400);
            assertThat(ProblemFields.of(wrongContact)).containsExactly("contactId");
        }

        @Test
        void thatAreStaffBelongToNoOrganisation() {
            Answer staff = api.post("/api/v1/users", admin, Map.of("email", unique("s") + "@x.example", "name", "S",
                    "role", "AGENT", "organisationId", createOrganisation(), "teamId", 987654));

            assertThat(staff.status()).isEqualTo(400);
            assertThat(ProblemFields.of(staff)).containsExactly("organisationId", "teamId");
        }

        @Test
        void haveUniqueEmails() {
            String email = unique("twice") + "@vendor.example";
            api.post("/api/v1/users", admin, Map.of("email", email, "name", "One", "role", "AGENT"));

            Answer again = api.post("/api/v1/users", admin, Map.of("email", email.toUpperCase(), "name", "Two", "role", "LEAD"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(ProblemFields.of(again)).containsExactly("email");
        }

        @Test
        void keepAtLeastOneActiveAdministrator() {
            long first = identity.userByEmail(ADMIN_EMAIL).orElseThrow().id().value();
            long other = createUser("ADMIN", null, null);
            Map<String, Object> demoted = new HashMap<>(api.get("/api/v1/users/" + other, admin).fields("id"));
            demoted.put("role", "LEAD");
            assertThat(api.put("/api/v1/users/" + other, admin, demoted).status()).isEqualTo(200);

            Map<String, Object> self = new HashMap<>(api.get("/api/v1/users/" + first, admin).fields("id"));
            self.put("active", false);
            Answer refused = api.put("/api/v1/users/" + first, admin, self);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(api.get("/api/v1/me", admin).status()).isEqualTo(200);
        }

        @Test
        void thatDoNotExistAnswer404() {
            assertThat(api.get("/api/v1/users/987654", admin).status()).isEqualTo(404);
            assertThat(api.post("/api/v1/users/987654/tokens", admin, Map.of("name", "x")).status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/tokens/987654", admin).status()).isEqualTo(404);
        }
    }

    @Nested
    class Teams {

        @Test
        void areManagedByAdministratorsAndListedByStaff() {
            String agent = tokenForNew("AGENT");
            String name = unique("Engineering");
            Answer created = api.post("/api/v1/teams", admin, Map.of("name", name, "kind", "ENGINEERING"));
            Answer changed = api.put("/api/v1/teams/" + created.id(), admin, Map.of("name", name + " B", "kind", "SECOND_LINE"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(changed.json().path("kind").asString()).isEqualTo("SECOND_LINE");
            assertThat(api.get("/api/v1/teams", agent).json()).extracting(t -> t.path("name").asString()).contains(name + " B");
            assertThat(api.get("/api/v1/teams/" + created.id(), agent).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/teams", agent, Map.of("name", unique("T"), "kind", "FIRST_LINE")).status())
                    .isEqualTo(403);
        }

        @Test
        void haveUniqueNames() {
            String name = unique("First line");
            api.post("/api/v1/teams", admin, Map.of("name", name, "kind", "FIRST_LINE"));

            Answer again = api.post("/api/v1/teams", admin, Map.of("name", name, "kind", "SECOND_LINE"));

            assertThat(again.status()).isEqualTo(409);
            assertThat(ProblemFields.of(again)).containsExactly("name");
        }
    }

    /** The fields a problem's {@code errors} names, in order. */
    static final class ProblemFields {
        static List<String> of(Answer answer) {
            return answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        }
    }
}
