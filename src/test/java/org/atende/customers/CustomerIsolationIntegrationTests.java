package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * A customer's token sees its own organisation and nothing of any other: every endpoint that takes an id
 * of another organisation's data answers 404, never 403 and never data; what its role may not do with
 * its own data is 403.
 */
class CustomerIsolationIntegrationTests extends ApiIntegrationSupport {

    long ownOrganisation;
    long ownContact;
    long ownUser;
    String customer;

    long otherOrganisation;
    String otherOrganisationName;
    long otherContact;
    long otherUser;
    long otherToken;
    long team;

    @BeforeEach
    void twoOrganisationsEachWithACustomer() {
        String ownDomain = unique("own") + ".example";
        ownOrganisation = createOrganisation(ownDomain);
        ownContact = createContact(ownOrganisation, "ana@" + ownDomain);
        ownUser = createUser("CUSTOMER", ownOrganisation, ownContact);
        customer = tokenFor(ownUser);

        String otherDomain = unique("other") + ".example";
        otherOrganisation = createOrganisation(otherDomain);
        otherOrganisationName = api.get("/api/v1/organisations/" + otherOrganisation, admin).json().path("name").asString();
        otherContact = createContact(otherOrganisation, "rui@" + otherDomain);
        otherUser = createUser("CUSTOMER", otherOrganisation, otherContact);
        otherToken = api.post("/api/v1/users/" + otherUser + "/tokens", admin, Map.of("name", "their app")).id();
        team = api.post("/api/v1/teams", admin, Map.of("name", unique("Team"), "kind", "FIRST_LINE")).id();
    }

    @Nested
    class ItsOwnOrganisation {

        @Test
        void isVisibleWithItsContacts() {
            Answer organisation = api.get("/api/v1/organisations/" + ownOrganisation, customer);
            Answer contacts = api.get("/api/v1/organisations/" + ownOrganisation + "/contacts", customer);
            Answer contact = api.get("/api/v1/contacts/" + ownContact, customer);

            assertThat(organisation.status()).isEqualTo(200);
            assertThat(organisation.id()).isEqualTo(ownOrganisation);
            assertThat(contacts.json().path("items")).extracting(c -> c.path("id").asLong()).containsExactly(ownContact);
            assertThat(contact.status()).isEqualTo(200);
        }

        @Test
        void isWhoAmI() {
            Answer me = api.get("/api/v1/me", customer);

            assertThat(me.json().path("role").asString()).isEqualTo("CUSTOMER");
            assertThat(me.json().path("organisationId").asLong()).isEqualTo(ownOrganisation);
            assertThat(me.json().path("contactId").asLong()).isEqualTo(ownContact);
        }

        @Test
        void andThePlansCanBeRead() {
            long plan = api.get("/api/v1/organisations/" + ownOrganisation, customer).json().path("planId").asLong();

            assertThat(api.get("/api/v1/plans/" + plan, customer).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/plans", customer).status()).isEqualTo(200);
        }

        @Test
        void cannotBeChangedByTheCustomer() {
            Map<String, Object> organisation = api.get("/api/v1/organisations/" + ownOrganisation, customer).fields("id");
            Map<String, Object> contact = api.get("/api/v1/contacts/" + ownContact, customer).fields("id", "organisationId");

            assertForbidden(api.put("/api/v1/organisations/" + ownOrganisation, customer, organisation));
            assertForbidden(api.put("/api/v1/contacts/" + ownContact, customer, contact));
            assertForbidden(api.post("/api/v1/organisations/" + ownOrganisation + "/contacts", customer,
                    Map.of("name", "New Colleague", "email", unique("new") + "@x.example", "language", "PT")));
            assertForbidden(api.get("/api/v1/users/" + ownUser, customer));
            assertForbidden(api.post("/api/v1/users/" + ownUser + "/tokens", customer, Map.of("name", "mine")));
        }
    }

    @Test
    void answers404ForAnotherOrganisationOnEveryEndpointThatTakesAnId() {
        Map<String, Object> organisationBody = Map.of("name", "Taken Over", "planId",
                api.get("/api/v1/organisations/" + otherOrganisation, admin).json().path("planId").asLong(),
                "language", "EN", "emailDomains", List.of());
        Map<String, Object> contactBody = Map.of("name", "Someone", "email", unique("s") + "@x.example", "language", "EN");
        Map<String, Object> userBody = Map.of("email", unique("u") + "@x.example", "name", "U", "role", "ADMIN");

        List<Answer> answers = List.of(
                api.get("/api/v1/organisations/" + otherOrganisation, customer),
                api.put("/api/v1/organisations/" + otherOrganisation, customer, organisationBody),
                api.get("/api/v1/organisations/" + otherOrganisation + "/contacts", customer),
                api.post("/api/v1/organisations/" + otherOrganisation + "/contacts", customer, contactBody),
                api.get("/api/v1/contacts/" + otherContact, customer),
                api.put("/api/v1/contacts/" + otherContact, customer, contactBody),
                api.get("/api/v1/users/" + otherUser, customer),
                api.put("/api/v1/users/" + otherUser, customer, userBody),
                api.get("/api/v1/users/" + otherUser + "/tokens", customer),
                api.post("/api/v1/users/" + otherUser + "/tokens", customer, Map.of("name", "stolen")),
                api.get("/api/v1/tokens/" + otherToken, customer),
                api.delete("/api/v1/tokens/" + otherToken, customer),
                api.get("/api/v1/teams/" + team, customer),
                api.put("/api/v1/teams/" + team, customer, Map.of("name", "Mine", "kind", "ENGINEERING")));

        assertAll(answers.stream().map(answer -> (Executable) () -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().path("type").asString()).isEqualTo("https://atende.example/problems/not-found");
            assertThat(answer.body()).doesNotContain(otherOrganisationName);
        }));
        assertThat(api.get("/api/v1/tokens/" + otherToken, admin).json().path("revokedAt").isNull()).isTrue();
    }

    @Test
    void answersTheSameForAnIdThatDoesNotExist() {
        Answer missing = api.get("/api/v1/organisations/999999", customer);
        Answer hidden = api.get("/api/v1/organisations/" + otherOrganisation, customer);

        assertThat(missing.status()).isEqualTo(hidden.status()).isEqualTo(404);
        assertThat(missing.json().path("detail")).isEqualTo(hidden.json().path("detail"));
    }

    @Test
    void cannotCreateOrganisationsUsersTeamsOrPlans() {
        assertForbidden(api.post("/api/v1/organisations", customer, Map.of("name", unique("Mine"), "planId", 1,
                "language", "PT", "emailDomains", List.of())));
        assertForbidden(api.post("/api/v1/users", customer, Map.of("email", unique("me") + "@x.example",
                "name", "Me Again", "role", "ADMIN")));
        assertForbidden(api.post("/api/v1/teams", customer, Map.of("name", unique("T"), "kind", "FIRST_LINE")));
        assertForbidden(api.post("/api/v1/plans", customer, Map.of("name", unique("P"), "slaPolicyId", 1,
                "defaultPriority", "LOW")));
    }

    @Test
    void cannotListOrganisationsUsersOrTeams() {
        assertForbidden(api.get("/api/v1/organisations", customer));
        assertForbidden(api.get("/api/v1/users", customer));
        assertForbidden(api.get("/api/v1/teams", customer));
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().path("type").asString()).isEqualTo("https://atende.example/problems/forbidden");
    }
}
