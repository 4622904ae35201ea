package org.atende.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

import org.atende.identity.Role;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.support.ApiIntegrationSupport;
import org.atende.support.PageBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The desk's notifications page over HTTP: each user sees only their own unread alerts, marks them read, and the count link. */
class NotificationPagesIntegrationTests extends ApiIntegrationSupport {

    private static final String PASSWORD = "plum orchard at dusk 27";

    @LocalServerPort int port;

    private record Person(long id, PageBrowser browser) {
    }

    private Person agent() {
        String email = unique("agent") + "@vendor.example";
        UserSummary user = identity.createUser(new UserDraft(email, "Agent " + unique("A"), Role.AGENT, null, null, null, true, PASSWORD));
        return new Person(user.id().value(), new PageBrowser(port).signIn(email, PASSWORD));
    }

    private void alert(long user, String kind, long ticketNumber, String at) {
        jdbc.sql("INSERT INTO desk_notification (user_id, kind, ticket_id, text_key, text_params, created_at) VALUES (?, ?, NULL, ?, ?, ?)")
                .params(user, kind, "notification.sla.warning",
                        "[\"" + ticketNumber + "\",\"Invoices\",\"Padaria\",\"first response\",\"Thursday\",\"1 h 00 min\"]",
                        Timestamp.from(Instant.parse(at))).update();
    }

    @Test
    void showsAnAlertToItsUserOnlyAndMarkingItReadRemovesIt() {
        Person ana = agent();
        Person rui = agent();
        alert(ana.id(), "SLA_WARNING", 1042, "2026-11-26T13:00:00Z");

        HttpResponse<String> page = ana.browser().get("/desk/notifications");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("#1042 (Invoices, Padaria): first response target at risk, due Thursday, 1 h 00 min left")
                .contains("href=\"/desk/tickets/1042\"", "class=\"state warning\"", "At risk", "2026-11-26 13:00 (Europe/Lisbon)");
        assertThat(rui.browser().get("/desk/notifications").body()).doesNotContain("#1042").contains("No unread notifications.");

        long id = jdbc.sql("SELECT id FROM desk_notification WHERE user_id = ?").param(ana.id()).query(Long.class).single();
        assertThat(rui.browser().post("/desk/notifications/" + id + "/read").statusCode()).isEqualTo(302);
        assertThat(ana.browser().get("/desk/notifications").body()).contains("#1042");

        HttpResponse<String> read = ana.browser().post("/desk/notifications/" + id + "/read");
        assertThat(read.statusCode()).isEqualTo(302);
        assertThat(read.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/desk/notifications"));
        assertThat(ana.browser().get("/desk/notifications").body()).doesNotContain("#1042").contains("No unread notifications.");
    }

    @Test
    void listsNewestFirstAndMarksAllRead() {
        Person ana = agent();
        alert(ana.id(), "SLA_WARNING", 2001, "2026-11-26T09:00:00Z");
        alert(ana.id(), "SLA_BREACHED", 2002, "2026-11-26T10:00:00Z");

        String body = ana.browser().get("/desk/notifications").body();
        assertThat(body.indexOf("#2002")).isPositive().isLessThan(body.indexOf("#2001"));
        assertThat(body).contains("class=\"state breached\"", "Breached");

        assertThat(ana.browser().post("/desk/notifications/read").statusCode()).isEqualTo(302);
        assertThat(ana.browser().get("/desk/notifications").body()).doesNotContain("#2001", "#2002");
    }

    @Test
    void countsTheUnreadInASmallFragmentTheQueueLoads() {
        Person ana = agent();
        alert(ana.id(), "SLA_WARNING", 3001, "2026-11-26T09:00:00Z");
        alert(ana.id(), "ESCALATION", 3002, "2026-11-26T10:00:00Z");

        HttpResponse<String> count = ana.browser().get("/desk/notifications/count");

        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body().strip()).startsWith("<a").contains("href=\"/desk/notifications\"", "Notifications (2)")
                .doesNotContain("<html", "<main");
        assertThat(agent().browser().get("/desk/notifications/count").body()).contains("Notifications (0)");
        assertThat(ana.browser().get("/desk/queues/mine").body())
                .contains("hx-get=\"/desk/notifications/count\"", "hx-trigger=\"load, every 60s\"");
    }
}
