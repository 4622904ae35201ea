package org.atende.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationsFiltersUnitTests {

    @Test
    void keepsACallersPlainRequestIdAndReplacesAnythingThatCouldWriteIntoTheLogs() {
        assertThat(RequestIdFilter.requestId("req-7f3a_b.c:1")).isEqualTo("req-7f3a_b.c:1");
        assertThat(RequestIdFilter.requestId("a".repeat(100))).hasSize(100);
        for (String hostile : new String[] {"abc\r\nFAKE LINE", "abc def", "\"quoted\"", "{\"json\":1}", "a".repeat(101), "", "ção"}) {
            assertThat(RequestIdFilter.requestId(hostile)).as(hostile).matches("[0-9a-f-]{36}");
        }
        assertThat(RequestIdFilter.requestId(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void namesAWebhooksChannelByItsPathAndNothingElse() {
        assertThat(WebhookAcknowledgements.channel("/webhooks/whatsapp")).isEqualTo("whatsapp");
        assertThat(WebhookAcknowledgements.channel("/webhooks/WhatsApp/extra")).isEqualTo("whatsapp");
        assertThat(WebhookAcknowledgements.channel("/webhooks/%00evil")).isEqualTo("other");
        assertThat(WebhookAcknowledgements.channel("/webhooks/" + "x".repeat(40))).isEqualTo("other");
    }

    @Test
    void letsTheScrapeInOnlyWithTheExactTokenWhenOneIsSet() {
        assertThat(MetricsSecurity.presents("Bearer s3cret-token", "s3cret-token")).isTrue();
        assertThat(MetricsSecurity.presents("bearer s3cret-token", "s3cret-token")).isTrue();
        assertThat(MetricsSecurity.presents("Bearer s3cret-tokeN", "s3cret-token")).isFalse();
        assertThat(MetricsSecurity.presents("Bearer s3cret-token-and-more", "s3cret-token")).isFalse();
        assertThat(MetricsSecurity.presents("Basic czNjcmV0", "s3cret-token")).isFalse();
        assertThat(MetricsSecurity.presents(null, "s3cret-token")).isFalse();
        assertThat(MetricsSecurity.presents("Bearer ", "")).as("no token set: nobody").isFalse();
    }
}
