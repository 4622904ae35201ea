package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.atende.customers.Language;
import org.atende.support.MovingTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.MessagingException;

/** What the admin's channel page shows of a mailbox follows real polls against GreenMail, and a login check. */
class MailboxHealthIntegrationTests extends EmailTestSupport {

    @Autowired MailboxHealth health;

    MailboxHealth.MailboxState state() {
        return health.mailboxes().getFirst();
    }

    @Test
    void recordsAPollsTimeAndTheMailsItRead() throws Exception {
        var contact = customer(domain(), "Ana Costa", Language.PT);
        long before = state().messagesRead();
        deliver(plain(contact.email(), "Erro ao exportar", "health-1@client.example", "", "Dá erro."));
        MovingTime.CLOCK.set("2026-11-25T10:05:00Z");

        poll();

        var state = state();
        assertThat(state.lastPollAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
        assertThat(state.lastSuccessAt()).isEqualTo(state.lastPollAt());
        assertThat(state.messagesRead()).isEqualTo(before + 1);
        assertThat(state.reachable()).isTrue();
        assertThat(state.host()).isEqualTo("127.0.0.1");
        assertThat(state.username()).isEqualTo(SUPPORT);
        assertThat(state.toString()).doesNotContain("secret");
    }

    @Test
    void recordsAFailedPollAndAWorkingCheckClearsIt() {
        mail.stop();
        try {
            MovingTime.CLOCK.set("2026-11-25T11:00:00Z");
            assertThatThrownBy(this::poll).isInstanceOf(MessagingException.class);
            var failed = state();
            assertThat(failed.reachable()).isFalse();
            assertThat(failed.lastErrorAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
            assertThat(failed.lastError()).isNotBlank();
        } finally {
            startServers();
        }

        MovingTime.CLOCK.set("2026-11-25T11:01:00Z");
        var checked = health.check(state().label());

        assertThat(checked.reachable()).isTrue();
        assertThat(checked.lastSuccessAt()).isEqualTo(Instant.parse("2026-11-25T11:01:00Z"));
        assertThat(checked.lastError()).as("kept for the page, older than the success").isNotBlank();
    }
}
