package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Staff manage plans, organisations and contacts through the API; the rules hold whoever writes. */
class CustomersApiIntegrationTests extends ApiIntegrationSupport {

    @Nested
    class Plans {

        @Test
        void areCreatedReadAndChangedByAnAdministrator() {
            long policy = slaPolicy();
            String name = unique("Gold");
            Answer created = api.post("/api/v1/plans", admin,
                    Map.of("name", name, "slaPolicyId", policy, "defaultPriority", "HIGH"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).hasValue("/api/v1/plans/" + created.id());
            Answer changed = api.put("/api/v1/plans/" + created.id(), admin,
                    Map.of("name", name + " Plus", "slaPolicyId", policy, "defaultPriority", "URGENT"));
            assertThat(changed.json().path("defaultPriority").asString()).isEqualTo("URGENT");
            assertThat(api.get("/api/v1/plans", admin).json()).extracting(p -> p.path("name").asString())
                    .contains(name + " Plus");
        }

        @Test
        void areManagedByAdministratorsOnly() {
            String agent = tokenForNew("AGENT");
            String lead = tokenForNew("LEAD");
            Map<String, Object> plan = Map.of("name", unique("Silver"), "slaPolicyId", slaPolicy(), "defaultPriority", "LOW");

            assertThat(api.post("/api/v1/plans", agent, plan).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/plans", lead, plan).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/plans", agent).status()).isEqualTo(200);
        }

        @Test
        void needAKnownSlaPolicyAndAUniqueName() {
            Answer unknownPolicy = api.post("/api/v1/plans", admin,
                    Map.of("name", unique("Bronze"), "slaPolicyId", 987654, "defaultPriority", "LOW"));
            long existing = createPlan();
            String taken = api.get("/api/v1/plans/" + existing, admin).json().path("name").asString();
            Answer duplicate = api.post("/api/v1/plans", admin,
                    Map.of("name", taken, "slaPolicyId", slaPolicy(), "defaultPriority", "LOW"));

            assertThat(unknownPolicy.status()).isEqualTo(400);
            assertThat(fields(unknownPolicy)).containsExactly("slaPolicyId");
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.json().path("type").asString()).endsWith("/conflict");
            assertThat(fields(duplicate)).containsExactly("name");
        }
    }

    @Nested
    class Organisations {

        @Test
        void areCreatedWithLowerCaseDomainsAndReadBack() {
            String domain = unique("Acme") + ".Example";
            long plan = createPlan();
            Answer created = api.post("/api/v1/organisations", admin, Map.of("name", unique("Acme"), "planId", plan,
                    "language", "ES", "emailDomains", List.of(domain.toUpperCase(), "mail." + domain)));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).hasValue("/api/v1/organisations/" + created.id());
            JsonNode read = api.get("/api/v1/organisations/" + created.id(), admin).json();
            assertThat(read.path("emailDomains")).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrder(domain.toLowerCase(), "mail." + domain.toLowerCase());
            assertThat(read.path("language").asString()).isEqualTo("ES");
            assertThat(read.path("planId").asLong()).isEqualTo(plan);
            assertThat(read.path("calendarId").isNull()).isTrue();
        }

        @Test
        void areChangedByAgentsToo() {
            String agent = tokenForNew("AGENT");
            long organisation = createOrganisation(unique("before") + ".example");
            Map<String, Object> body = api.get("/api/v1/organisations/" + organisation, agent).fields("id");
            body.put("name", unique("Renamed"));
            body.put("emailDomains", List.of(unique("after") + ".example"));

            Answer changed = api.put("/api/v1/organisations/" + organisation, agent, body);

            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().path("name").asString()).isEqualTo(body.get("name"));
            assertThat(changed.json().path("emailDomains")).extracting(JsonNode::asString)
                    .containsExactlyElementsOf((List<String>) body.get("emailDomains"));
        }

        @Test
        void cannotTakeADomainOfAnotherOrganisation() {
            String domain = unique("shared") + ".example";
            createOrganisation(domain);

            Answer second = api.post("/api/v1/organisations", admin, Map.of("name", unique("Copycat"),
                    "planId", createPlan(), "language", "EN", "emailDomains", List.of("free.example" + unique("x"), domain.toUpperCase())));

            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().path("type").asString()).isEqualTo("https://atende.example/problems/conflict");
            assertThat(fields(second)).containsExactly("emailDomains[1]");
        }

        @Test
        void areListedPageByPage() {
            for (int i = 0; i < 3; i++) {
                createOrganisation();
            }

            Answer first = api.get("/api/v1/organisations?page=0&size=2", admin);
            Answer second = api.get("/api/v1/organisations?page=1&size=2", admin);

            assertThat(first.json().path("items").size()).isEqualTo(2);
            assertThat(first.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(first.json().path("totalPages").asLong()).isEqualTo((first.json().path("totalItems").asLong() + 1) / 2);
            assertThat(second.json().path("page").asInt()).isEqualTo(1);
            assertThat(second.json().path("items").get(0).path("id")).isNotEqualTo(first.json().path("items").get(0).path("id"));
        }

        @Test
        void needAKnownPlan() {
            Answer created = api.post("/api/v1/organisations", admin,
                    Map.of("name", unique("Orphan"), "planId", 987654, "language", "PT"));

            assertThat(created.status()).isEqualTo(400);
            assertThat(fields(created)).containsExactly("planId");
        }

        @Test
        void thatDoNotExistAnswer404() {
            Answer missing = api.get("/api/v1/organisations/987654", admin);

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("type").asString()).isEqualTo("https://atende.example/problems/not-found");
            assertThat(missing.json().path("instance").asString()).isEqualTo("/api/v1/organisations/987654");
        }
    }

    @Nested
    class Contacts {

        @Test
        void haveALowerCaseUniqueEmail() {
            long organisation = createOrganisation();
            String email = unique("Ana.Silva") + "@Acme.Example";
            Answer created = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                    Map.of("name", "Ana Silva", "email", email, "phone", "+351912345678", "language", "PT"));
            Answer again = api.post("/api/v1/organisations/" + createOrganisation() + "/contacts", admin,
                    Map.of("name", "Ana Again", "email", email.toLowerCase(), "language", "EN"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("email").asString()).isEqualTo(email.toLowerCase());
            assertThat(created.header("Location")).hasValue("/api/v1/contacts/" + created.id());
            assertThat(again.status()).isEqualTo(409);
            assertThat(fields(again)).containsExactly("email");
        }

        @Test
        void areChanged() {
            long organisation = createOrganisation();
            long contact = createContact(organisation, unique("rui") + "@acme.example");
            Map<String, Object> body = new HashMap<>(api.get("/api/v1/contacts/" + contact, admin).fields("id", "organisationId"));
            body.put("phone", "+34600111222");
            body.put("language", "ES");

            Answer changed = api.put("/api/v1/contacts/" + contact, admin, body);

            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().path("phone").asString()).isEqualTo("+34600111222");
            assertThat(api.get("/api/v1/contacts/" + contact, admin).json().path("language").asString()).isEqualTo("ES");
        }

        @Test
        void ofAnUnknownOrganisationAnswer404() {
            Answer created = api.post("/api/v1/organisations/987654/contacts", admin,
                    Map.of("name", "Nobody", "email", unique("n") + "@x.example", "language", "PT"));

            assertThat(created.status()).isEqualTo(404);
        }
    }

    static List<String> fields(Answer answer) {
        return answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }
}
