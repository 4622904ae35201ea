package org.atende.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.atende.support.MutableClock;
import org.junit.jupiter.api.Test;

class CachedReadingUnitTests {

    final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-30T10:00:00Z"));

    @Test
    void readsTheDatabaseOncePerPeriodWhateverTheScrapes() {
        AtomicInteger reads = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>("test", Duration.ofSeconds(30), clock, -1, reads::incrementAndGet);

        for (int i = 0; i < 50; i++) {
            assertThat(reading.get()).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(reading.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reading.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsTheLastGoodValueAndDoesNotRetryAFailedReadWithinThePeriod() {
        AtomicInteger reads = new AtomicInteger();
        CachedReading<Integer> reading = new CachedReading<>("test", Duration.ofSeconds(30), clock, 0, () -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("the database went away");
            }
            return 7;
        });

        assertThat(reading.get()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(31));
        assertThat(reading.get()).isEqualTo(7);
        assertThat(reading.get()).isEqualTo(7);
        assertThat(reads).hasValue(2);
    }

    @Test
    void startsFromTheEmptyValueWhenTheFirstReadFails() {
        CachedReading<Integer> reading = new CachedReading<>("test", Duration.ZERO, clock, 0, () -> {
            throw new IllegalStateException("down");
        });

        assertThat(reading.get()).isZero();
    }
}
