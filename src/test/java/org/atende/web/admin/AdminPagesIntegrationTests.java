package org.atende.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.PlanId;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.sla.TargetUnit;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.atende.tickets.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages over HTTP, signed in with a password as people are: who may see and change what, forms and their problems. */
class AdminPagesIntegrationTests extends ApiIntegrationSupport {

    static final String PASSWORD = "plum orchard at dusk 27";

    @LocalServerPort int port;
    @Autowired Customers customers;
    @Autowired SlaPolicies policies;

    PageBrowser as(Role role) {
        String email = unique(role.name().toLowerCase()) + "@vendor.example";
        identity.createUser(new UserDraft(email, "Person " + unique("P"), role, null, null, null, true, PASSWORD));
        return new PageBrowser(port).signIn(email, PASSWORD);
    }

    @Test
    void refusesAgentsEveryAdminPage() {
        PageBrowser agent = as(Role.AGENT);

        assertThat(agent.get("/admin").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/plans").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void showsTheOverviewWithEverySectionToLeadsAndAdmins() {
        for (Role role : new Role[] {Role.LEAD, Role.ADMIN}) {
            HttpResponse<String> page = as(role).get("/admin");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("href=\"/admin/plans\"", "href=\"/admin/organisations\"", "href=\"/admin/sla-policies\"",
                    "href=\"/admin/calendars\"", "href=\"/admin/teams\"", "href=\"/admin/users\"", "href=\"/admin/channels\"");
        }
    }

    @Test
    void letsALeadReadPlansButNotCreateOrChangeThem() {
        PageBrowser lead = as(Role.LEAD);
        long plan = createPlan();

        assertThat(lead.get("/admin/plans").statusCode()).isEqualTo(200);
        assertThat(lead.get("/admin/plans/" + plan).body()).contains("disabled");
        assertThat(lead.get("/admin/plans/new").statusCode()).isEqualTo(403);
        lead.get("/admin/plans");
        assertThat(lead.post("/admin/plans", "name", unique("Sneaky"), "unlimited", "true", "overQuotaPolicy", "REFUSE",
                "slaPolicyId", Long.toString(slaPolicy()), "defaultPriority", "LOW").statusCode()).isEqualTo(403);
    }

    @Test
    void createsAndEditsAPlan() {
        PageBrowser admin = as(Role.ADMIN);
        String name = unique("Essencial");
        admin.get("/admin/plans/new");

        HttpResponse<String> created = admin.post("/admin/plans", "name", name, "allowance", "30", "overQuotaPolicy", "REFUSE",
                "slaPolicyId", Long.toString(slaPolicy()), "defaultPriority", "MEDIUM");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var plan = customers.plans().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(plan.monthlyTicketAllowance()).isEqualTo(30);
        assertThat(admin.get("/admin/plans").body()).contains(name);

        admin.get("/admin/plans/" + plan.id().value());
        HttpResponse<String> edited = admin.post("/admin/plans/" + plan.id().value(), "name", name, "unlimited", "true",
                "allowance", "30", "overQuotaPolicy", "ACCEPT_AND_FLAG", "slaPolicyId", Long.toString(slaPolicy()), "defaultPriority", "HIGH");

        assertThat(edited.statusCode()).isEqualTo(302);
        var changed = customers.plan(plan.id()).orElseThrow();
        assertThat(changed.monthlyTicketAllowance()).isNull();
        assertThat(changed.defaultPriority()).isEqualTo("HIGH");
    }

    @Test
    void reRendersThePlanFormWithTheFieldsProblems() {
        PageBrowser admin = as(Role.ADMIN);
        admin.get("/admin/plans/new");

        HttpResponse<String> refused = admin.post("/admin/plans", "name", "  ", "allowance", "-3", "overQuotaPolicy", "REFUSE",
                "slaPolicyId", Long.toString(slaPolicy()), "defaultPriority", "MEDIUM");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "must not be blank", "must be 0 or more")
                .contains("value=\"-3\"");
    }

    @Test
    void showsOrganisationsWithThisMonthsQuotaAndLetsOnlyAnAdminChangeThePlan() {
        long organisation = createOrganisation();
        PageBrowser lead = as(Role.LEAD);
        HttpResponse<String> list = lead.get("/admin/organisations?page=0");
        assertThat(list.statusCode()).isEqualTo(200);

        long other = createPlan();
        var org = customers.organisation(new OrganisationId(organisation)).orElseThrow();
        lead.get("/admin/organisations/" + organisation);
        assertThat(lead.post("/admin/organisations/" + organisation, "planId", Long.toString(other), "accountLeadId", "")
                .statusCode()).isEqualTo(403);

        UserSummary leadUser = identity.users(0, 200).stream().filter(u -> u.role() == Role.LEAD).findFirst().orElseThrow();
        lead.get("/admin/organisations/" + organisation);
        assertThat(lead.post("/admin/organisations/" + organisation, "planId", Long.toString(org.planId().value()),
                "accountLeadId", Long.toString(leadUser.id().value())).statusCode()).isEqualTo(302);
        assertThat(customers.organisation(org.id()).orElseThrow().accountLeadId()).isEqualTo(leadUser.id().value());

        PageBrowser admin = as(Role.ADMIN);
        admin.get("/admin/organisations/" + organisation);
        assertThat(admin.post("/admin/organisations/" + organisation, "planId", Long.toString(other), "accountLeadId", "")
                .statusCode()).isEqualTo(302);
        assertThat(customers.organisation(org.id()).orElseThrow().planId()).isEqualTo(new PlanId(other));
    }

    @Test
    void createsAndEditsAnSlaPolicy() {
        PageBrowser admin = as(Role.ADMIN);
        String name = unique("Premium");
        admin.get("/admin/sla-policies/new");

        HttpResponse<String> created = admin.post("/admin/sla-policies", policyForm(name, "80", "6"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        SlaPolicy policy = policies.list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(policy.warningPercent()).isEqualTo(80);
        assertThat(policy.targets().get(Priority.HIGH).firstResponse().amount()).isEqualTo(6);
        assertThat(policy.targets().get(Priority.LOW).firstResponse().unit()).isEqualTo(TargetUnit.DAYS);

        admin.get("/admin/sla-policies/" + policy.id());
        assertThat(admin.post("/admin/sla-policies/" + policy.id(), policyForm(name, "70", "3")).statusCode()).isEqualTo(302);
        assertThat(policies.get(policy.id()).orElseThrow().targets().get(Priority.HIGH).firstResponse().amount()).isEqualTo(3);
    }

    @Test
    void reRendersThePolicyFormWithTheTargetsProblem() {
        PageBrowser admin = as(Role.ADMIN);
        admin.get("/admin/sla-policies/new");

        HttpResponse<String> refused = admin.post("/admin/sla-policies", policyForm(unique("Broken"), "150", "0"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("targets.HIGH.firstResponse.amount must be a positive whole number",
                "warningPercent must be between 1 and 99");
    }

    @Test
    void refusesALeadChangingAnSlaPolicy() {
        PageBrowser lead = as(Role.LEAD);
        lead.get("/admin/sla-policies/" + slaPolicy());
        assertThat(lead.post("/admin/sla-policies/" + slaPolicy(), policyForm("Standard support terms", "75", "12")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void previewsDueTimesOfEachPriorityForAFixedReceipt() {
        PageBrowser lead = as(Role.LEAD);
        lead.get("/admin/calendars");

        // Friday 4 December 2026, 14:05 in Lisbon (UTC+0 in winter); open 09:00-21:00 on weekdays.
        HttpResponse<String> preview = lead.htmx("/admin/calendars/preview", calendarForm("09:00-21:00", "2026-12-04T14:05"));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Open")
                .containsPattern("data-priority=\"HIGH\">[\\s\\S]*?datetime=\"2026-12-07T14:05:00Z\"")   // 12 business hours: 6h55 Fri + 5h05 Mon
                .containsPattern("data-priority=\"URGENT\">[\\s\\S]*?datetime=\"2026-12-04T18:05:00Z\""); // 4 business hours
    }

    @Test
    void previewsUnsavedEditsAndSaysWhatIsWrongWithACalendar() {
        PageBrowser lead = as(Role.LEAD);
        lead.get("/admin/calendars");

        HttpResponse<String> shorterFriday = lead.htmx("/admin/calendars/preview", calendarForm("09:00-15:00", "2026-12-04T14:05"));
        // 55 minutes on Friday, then 11h05 on Monday.
        assertThat(shorterFriday.body()).containsPattern("data-priority=\"HIGH\">[\\s\\S]*?datetime=\"2026-12-07T20:05:00Z\"");

        HttpResponse<String> wrong = lead.htmx("/admin/calendars/preview", calendarForm("nine to five", "2026-12-04T14:05"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("This calendar cannot be used").contains("nine");
    }

    @Test
    void savesACalendarAndShowsItsProblemNextToTheField() {
        PageBrowser admin = as(Role.ADMIN);
        assertThat(admin.get("/admin/calendars/new").body()).as("a new calendar starts with the desk's hours")
                .containsPattern("id=\"week.mon\"[^>]*value=\"09:00-21:00\"");
        String name = unique("Madrid");

        String[] form = calendarForm("09:00-18:00", "");
        form[1] = name;
        HttpResponse<String> saved = admin.post("/admin/calendars", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(admin.get("/admin/calendars").body()).contains(name);

        String[] broken = calendarForm("25:00-26:00", "");
        broken[1] = unique("Broken");
        HttpResponse<String> refused = admin.post("/admin/calendars", broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("id=\"week.fri\"[^>]*aria-invalid=\"true\"");
    }

    @Test
    void createsARenamesATeamAndMovesPeopleIntoIt() {
        PageBrowser admin = as(Role.ADMIN);
        admin.get("/admin/teams");
        String name = unique("Second line");
        HttpResponse<String> created = admin.post("/admin/teams", "name", name, "kind", "SECOND_LINE");
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long team = Long.parseLong(location.replaceAll(".*/teams/(\\d+).*", "$1"));

        admin.get("/admin/teams/" + team);
        assertThat(admin.post("/admin/teams/" + team, "name", name + " B", "kind", "SECOND_LINE").statusCode()).isEqualTo(302);
        assertThat(identity.team(new TeamId(team)).orElseThrow().name()).isEqualTo(name + " B");

        long agent = createUser("AGENT", null, null);
        admin.get("/admin/teams/" + team);
        assertThat(admin.post("/admin/teams/" + team + "/members", "userId", Long.toString(agent)).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/teams/" + team).body()).contains(identity.user(new org.atende.identity.UserId(agent)).orElseThrow().name());

        admin.get("/admin/teams");
        assertThat(admin.post("/admin/teams", "name", "", "kind", "FIRST_LINE").body()).contains("must not be blank");
    }

    @Test
    void listsUsersAndLetsAnAdminCreateACustomerChangeARoleAndDeactivate() {
        long organisation = createOrganisation();
        long contact = createContact(organisation, unique("joana") + "@padaria.example");
        PageBrowser admin = as(Role.ADMIN);
        assertThat(admin.get("/admin/users").body()).contains(ADMIN_EMAIL);

        admin.get("/admin/users/new");
        String email = unique("joana") + "@padaria.example";
        HttpResponse<String> created = admin.post("/admin/users", "email", email, "name", "Joana <b>Silva</b>", "role", "CUSTOMER",
                "organisationId", Long.toString(organisation), "contactId", Long.toString(contact), "teamId", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UserSummary user = identity.userByEmail(email).orElseThrow();
        assertThat(user.organisationId()).isEqualTo(new OrganisationId(organisation));
        assertThat(admin.get("/admin/users/" + user.id().value()).body()).contains("Joana &lt;b&gt;Silva&lt;/b&gt;")
                .doesNotContain("<b>Silva</b>");

        long agent = createUser("AGENT", null, null);
        admin.get("/admin/users/" + agent);
        assertThat(admin.post("/admin/users/" + agent + "/role", "role", "LEAD", "teamId", "").statusCode()).isEqualTo(302);
        assertThat(identity.user(new org.atende.identity.UserId(agent)).orElseThrow().role()).isEqualTo(Role.LEAD);
        assertThat(admin.post("/admin/users/" + agent + "/active", "active", "false").statusCode()).isEqualTo(302);
        assertThat(identity.user(new org.atende.identity.UserId(agent)).orElseThrow().active()).isFalse();

        admin.get("/admin/users/new");
        HttpResponse<String> noOrganisation = admin.post("/admin/users", "email", unique("x") + "@x.example", "name", "X",
                "role", "CUSTOMER", "organisationId", "", "contactId", "", "teamId", "");
        assertThat(noOrganisation.statusCode()).isEqualTo(400);
        assertThat(noOrganisation.body()).contains("is required for a customer");
    }

    @Test
    void letsALeadListUsersButNotCreateOrChangeThem() {
        PageBrowser lead = as(Role.LEAD);
        assertThat(lead.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(lead.get("/admin/users/new").statusCode()).isEqualTo(403);
        long agent = createUser("AGENT", null, null);
        HttpResponse<String> page = lead.get("/admin/users/" + agent);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("/invitation\"");
        assertThat(lead.post("/admin/users/" + agent + "/role", "role", "ADMIN").statusCode()).isEqualTo(403);
        assertThat(lead.post("/admin/users/" + agent + "/invitation").statusCode()).isEqualTo(403);
    }

    @Test
    void showsTheChannelsPageWithoutSecrets() {
        HttpResponse<String> page = as(Role.LEAD).get("/admin/channels");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("WhatsApp", "Webhook").doesNotContainIgnoringCase("password");
    }

    private String[] policyForm(String name, String warning, String highFirstResponse) {
        return new String[] {"name", name, "warningPercent", warning, "pausing", "WAITING_ON_CUSTOMER", "calendarId", "",
                "targets.LOW.firstResponse.amount", "2", "targets.LOW.firstResponse.unit", "DAYS",
                "targets.LOW.resolution.amount", "24", "targets.LOW.resolution.unit", "HOURS",
                "targets.MEDIUM.firstResponse.amount", "1", "targets.MEDIUM.firstResponse.unit", "DAYS",
                "targets.MEDIUM.resolution.amount", "24", "targets.MEDIUM.resolution.unit", "HOURS",
                "targets.HIGH.firstResponse.amount", highFirstResponse, "targets.HIGH.firstResponse.unit", "HOURS",
                "targets.HIGH.resolution.amount", "24", "targets.HIGH.resolution.unit", "HOURS",
                "targets.URGENT.firstResponse.amount", "4", "targets.URGENT.firstResponse.unit", "HOURS",
                "targets.URGENT.resolution.amount", "24", "targets.URGENT.resolution.unit", "HOURS"};
    }

    private String[] calendarForm(String friday, String receivedAt) {
        return new String[] {"name", "Preview", "zone", "Europe/Lisbon", "week.mon", "09:00-21:00", "week.tue", "09:00-21:00",
                "week.wed", "09:00-21:00", "week.thu", "09:00-21:00", "week.fri", friday, "week.sat", "", "week.sun", "",
                "holidayRules", "PT", "holidays", "", "kept", "{}", "policyId", Long.toString(slaPolicy()), "receivedAt", receivedAt};
    }
}
