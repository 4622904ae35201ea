package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

/** Plans with allowances, an organisation's quota, refusals and refunds, over HTTP with real tokens. */
class QuotaApiIntegrationTests extends ApiIntegrationSupport {

    long plan(Integer allowance, String policy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Plan"));
        body.put("slaPolicyId", slaPolicy());
        body.put("defaultPriority", "MEDIUM");
        body.put("monthlyTicketAllowance", allowance);
        body.put("overQuotaPolicy", policy);
        Answer plan = api.post("/api/v1/plans", admin, body);
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        return plan.id();
    }

    long organisation(long plan, String language) {
        Answer organisation = api.post("/api/v1/organisations", admin, Map.of("name", unique("Org"), "planId", plan,
                "language", language));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        return organisation.id();
    }

    String customerOf(long organisation) {
        Answer contact = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", unique("Ana"), "email", unique("ana") + "@customer.example", "language", "EN"));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        return tokenFor(createUser("CUSTOMER", organisation, contact.id()));
    }

    Answer open(String token, String subject) {
        return api.post("/api/v1/tickets", token, Map.of("subject", subject, "body", "Please help"));
    }

    @Test
    void plansCarryTheirAllowanceAndOverQuotaPolicy() {
        long id = plan(20, "REFUSE");
        Answer plan = api.get("/api/v1/plans/" + id, admin);
        assertThat(plan.json().path("monthlyTicketAllowance").asInt()).isEqualTo(20);
        assertThat(plan.json().path("overQuotaPolicy").asString()).isEqualTo("REFUSE");
        Answer unlimited = api.get("/api/v1/plans/" + plan(null, null), admin);
        assertThat(unlimited.json().path("monthlyTicketAllowance").isNull()).isTrue();
        assertThat(unlimited.json().path("overQuotaPolicy").asString()).isEqualTo("ACCEPT_AND_FLAG");
        Answer negative = api.post("/api/v1/plans", admin, Map.of("name", unique("Plan"), "slaPolicyId", slaPolicy(),
                "defaultPriority", "MEDIUM", "monthlyTicketAllowance", -1));
        assertThat(negative.status()).isEqualTo(400);
    }

    @Test
    void aCustomerSeesItsOwnQuotaAndNoOneElses() {
        long org = organisation(plan(3, "REFUSE"), "EN");
        long other = organisation(plan(3, "REFUSE"), "EN");
        String customer = customerOf(org);
        assertThat(open(customer, "one").status()).isEqualTo(201);

        Answer quota = api.get("/api/v1/organisations/" + org + "/quota?months=2", customer);
        assertThat(quota.status()).as(quota.body()).isEqualTo(200);
        assertThat(quota.json().path("allowance").asInt()).isEqualTo(3);
        assertThat(quota.json().path("used").asInt()).isEqualTo(1);
        assertThat(quota.json().path("remaining").asInt()).isEqualTo(2);
        assertThat(quota.json().path("overQuotaPolicy").asString()).isEqualTo("REFUSE");
        assertThat(quota.json().path("renewsAt").asString()).isNotBlank();
        assertThat(quota.json().path("history")).hasSize(2);
        assertThat(quota.json().path("history").get(0).path("used").asInt()).isEqualTo(1);

        assertThat(api.get("/api/v1/organisations/" + other + "/quota", customer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/organisations/" + other + "/quota", tokenForNew("AGENT")).status()).isEqualTo(200);
    }

    @Test
    void refusesPastTheAllowanceWithAProblemTheCustomerCanRead() {
        long org = organisation(plan(1, "REFUSE"), "EN");
        String customer = customerOf(org);
        assertThat(open(customer, "one").status()).isEqualTo(201);
        Answer refused = open(customer, "two");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.json().path("type").asString()).isEqualTo("https://atende.example/problems/quota-exhausted");
        assertThat(refused.json().path("allowance").asInt()).isEqualTo(1);
        assertThat(refused.json().path("used").asInt()).isEqualTo(1);
        assertThat(refused.json().path("renewsAt").asString()).isNotBlank();
        assertThat(refused.json().path("detail").asString()).contains("includes 1 ticket a month");
    }

    @Test
    void onlyAnAdministratorChangesAnOrganisationsPlanAndItTakesEffectAtOnce() {
        long org = organisation(plan(1, "REFUSE"), "EN");
        String customer = customerOf(org);
        assertThat(open(customer, "one").status()).isEqualTo(201);
        assertThat(open(customer, "two").status()).isEqualTo(403);
        long bigger = plan(5, "REFUSE");

        assertThat(api.put("/api/v1/organisations/" + org + "/plan", tokenForNew("AGENT"), Map.of("planId", bigger)).status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/organisations/" + org + "/plan", customer, Map.of("planId", bigger)).status()).isEqualTo(403);
        Answer changed = api.put("/api/v1/organisations/" + org + "/plan", admin, Map.of("planId", bigger));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("planId").asLong()).isEqualTo(bigger);

        assertThat(open(customer, "two").status()).isEqualTo(201);
        Answer quota = api.get("/api/v1/organisations/" + org + "/quota", customer);
        assertThat(quota.json().path("used").asInt()).isEqualTo(2);
        assertThat(quota.json().path("remaining").asInt()).isEqualTo(3);
    }

    @Test
    void spamAndMergeGiveUnitsBackAndAreForStaffOnly() {
        long org = organisation(plan(2, "REFUSE"), "EN");
        String customer = customerOf(org);
        String agent = tokenForNew("AGENT");
        long first = open(customer, "one").id();
        long second = open(customer, "two").id();

        assertThat(api.post("/api/v1/tickets/" + second + "/spam", customer, Map.of()).status()).isEqualTo(403);
        Answer spam = api.post("/api/v1/tickets/" + second + "/spam", agent, Map.of());
        assertThat(spam.status()).as(spam.body()).isEqualTo(200);
        assertThat(spam.json().path("closedAs").asString()).isEqualTo("SPAM");
        assertThat(spam.json().path("status").asString()).isEqualTo("CLOSED");

        long third = open(customer, "three").id();
        Answer merged = api.post("/api/v1/tickets/" + third + "/merge", agent, Map.of("intoTicketId", first));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("closedAs").asString()).isEqualTo("DUPLICATE");
        assertThat(merged.json().path("mergedIntoId").asLong()).isEqualTo(first);
        assertThat(api.post("/api/v1/tickets/" + third + "/merge", agent, Map.of()).status()).isEqualTo(400);

        assertThat(api.get("/api/v1/organisations/" + org + "/quota", customer).json().path("used").asInt()).isEqualTo(1);
    }

    @Test
    void theAccountLeadListsTheOverQuotaTicketsOfItsOrganisations() {
        long leadUser = createUser("LEAD", null, null);
        String lead = tokenFor(leadUser);
        long plan = plan(1, "ACCEPT_AND_FLAG");
        Answer created = api.post("/api/v1/organisations", admin, Map.of("name", unique("Led"), "planId", plan,
                "language", "EN", "accountLeadId", leadUser));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long org = created.id();
        String customer = customerOf(org);
        long within = open(customer, "one").id();
        Answer over = open(customer, "two");
        assertThat(over.status()).isEqualTo(201);
        assertThat(over.json().path("overQuota").asBoolean()).isTrue();

        Answer mine = api.get("/api/v1/tickets?overQuota=true&accountLead=me", lead);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        List<Long> ids = mine.json().path("items").valueStream().map(t -> t.path("id").asLong()).toList();
        assertThat(ids).containsExactly(over.id()).doesNotContain(within);
        assertThat(api.get("/api/v1/tickets?accountLead=nobody", lead).status()).isEqualTo(400);

        Answer unknownLead = api.post("/api/v1/organisations", admin, Map.of("name", unique("Led"), "planId", plan,
                "language", "EN", "accountLeadId", 999_999));
        assertThat(unknownLead.status()).isEqualTo(400);
        assertThat(unknownLead.body()).contains("accountLeadId");
    }
}
