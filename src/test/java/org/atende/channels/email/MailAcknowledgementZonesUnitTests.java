package org.atende.channels.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.atende.customers.Language;
import org.atende.sla.SlaTarget;
import org.atende.sla.TargetUnit;
import org.junit.jupiter.api.Test;

/** The e-mail acknowledgement gives its times in the contact's zone, with Lisbon time beside them when the clocks differ. */
class MailAcknowledgementZonesUnitTests {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final Instant DUE = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aContactInMadridReadsMadridTimeWithLisbonTimeBeside() {
        assertThat(MailTexts.acknowledgement(Language.ES, "Lucía", 7, new SlaTarget(1, TargetUnit.DAYS), DUE, null,
                ZoneId.of("Europe/Madrid"), LISBON)).contains("jueves 26 de noviembre a las 11:00 (hora de Madrid; 10:00 en Lisboa)");
    }

    @Test
    void aContactInLisbonReadsLisbonTimeAlone() {
        assertThat(MailTexts.acknowledgement(Language.EN, "John", 7, new SlaTarget(1, TargetUnit.DAYS), DUE, null, LISBON, LISBON))
                .contains("Thursday 26 November at 10:00 (Lisbon time)").doesNotContain("; ");
    }
}
