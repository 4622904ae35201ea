package org.atende.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamKind;
import org.atende.identity.UserDraft;
import org.atende.sla.ClockKind;
import org.atende.sla.EscalationRule;
import org.atende.sla.EscalationRules;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.atende.tickets.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The escalation rules' admin pages over HTTP: a lead writes rules through the form, problems beside the fields, agents kept out. */
class EscalationRulePagesIntegrationTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "plum orchard at dusk 27";

    @LocalServerPort int port;
    @Autowired EscalationRules rules;

    private PageBrowser as(Role role) {
        String email = unique(role.name().toLowerCase()) + "@vendor.example";
        identity.createUser(new UserDraft(email, "Person " + unique("P"), role, null, null, null, true, PASSWORD));
        return new PageBrowser(port).signIn(email, PASSWORD);
    }

    private EscalationRule stored(String name) {
        return rules.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aLeadCreatesARuleThroughTheFormAndItIsStoredAndListed() {
        PageBrowser lead = as(Role.LEAD);
        long team = identity.createTeam(new TeamDraft(unique("Second line"), TeamKind.SECOND_LINE)).id().value();
        String name = unique("Half way on high");

        HttpResponse<String> form = lead.get("/admin/escalation-rules/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"priorities\"", "name=\"planId\"", "name=\"notifyUserId\"", "value=\"ONE_LEVEL\"");
        HttpResponse<String> created = lead.post("/admin/escalation-rules", "name", name, "active", "true", "clockKind", "RESOLUTION",
                "priorities", "HIGH", "priorities", "URGENT", "planId", "", "organisationId", "", "thresholdKind", "ELAPSED",
                "percent", "50", "raise", "ONE_LEVEL", "reassignTeamId", Long.toString(team), "notifyUserId", "", "notifyTeamId", "");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        EscalationRule rule = stored(name);
        assertThat(rule.active()).isTrue();
        assertThat(rule.conditions().clockKind()).isEqualTo(ClockKind.RESOLUTION);
        assertThat(rule.conditions().priorities()).isEqualTo(Set.of(Priority.HIGH, Priority.URGENT));
        assertThat(rule.threshold()).isEqualTo(new EscalationRule.Threshold(EscalationRule.Threshold.Kind.ELAPSED, 50));
        assertThat(rule.actions().raisePriority()).isEqualTo("ONE_LEVEL");
        assertThat(rule.actions().reassignTeamId()).isEqualTo(team);

        HttpResponse<String> list = lead.get("/admin/escalation-rules");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(name, "50 % of the target elapsed", "Raise the priority one level", "High,", "Urgent");
        assertThat(lead.get("/admin").body()).contains("href=\"/admin/escalation-rules\"");
    }

    @Test
    void aLeadChangesAndThenDeletesARuleAfterConfirming() {
        PageBrowser lead = as(Role.LEAD);
        String name = unique("At the breach");
        lead.get("/admin/escalation-rules/new");
        lead.post("/admin/escalation-rules", "name", name, "active", "true", "clockKind", "FIRST_RESPONSE", "thresholdKind", "BREACHED",
                "raise", "URGENT");
        long id = stored(name).id();

        HttpResponse<String> edit = lead.get("/admin/escalation-rules/" + id);
        assertThat(edit.body()).contains("value=\"" + name + "\"");
        assertThat(lead.post("/admin/escalation-rules/" + id, "name", name, "clockKind", "FIRST_RESPONSE", "thresholdKind", "BREACHED",
                "percent", "30", "raise", "URGENT").statusCode()).isEqualTo(302);
        assertThat(stored(name).active()).isFalse();
        assertThat(stored(name).threshold().percent()).isNull();

        HttpResponse<String> confirm = lead.get("/admin/escalation-rules/" + id + "/delete");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains(name, "Delete the rule");
        assertThat(rules.get(id)).isPresent();
        assertThat(lead.post("/admin/escalation-rules/" + id + "/delete").statusCode()).isEqualTo(302);
        assertThat(rules.get(id)).isEmpty();
    }

    @Test
    void reRendersAnInvalidRuleWithTheProblemBesideItsField() {
        PageBrowser lead = as(Role.LEAD);
        String name = unique("No percent");
        lead.get("/admin/escalation-rules/new");

        HttpResponse<String> refused = lead.post("/admin/escalation-rules", "name", name, "active", "true", "clockKind", "RESOLUTION",
                "thresholdKind", "ELAPSED", "percent", "", "raise", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"percent-error\"", "a share of the target from 1 to 100 is required for ELAPSED")
                .contains("id=\"actions-error\"", "value=\"" + name + "\"");
        assertThat(rules.list()).noneMatch(r -> r.name().equals(name));
    }

    @Test
    void refusesAgentsTheRulesPages() {
        PageBrowser agent = as(Role.AGENT);

        assertThat(agent.get("/admin/escalation-rules").statusCode()).isEqualTo(403);
        assertThat(agent.get("/admin/escalation-rules/new").statusCode()).isEqualTo(403);
    }
}
