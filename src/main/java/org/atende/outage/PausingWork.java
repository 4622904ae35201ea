package org.atende.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Every scheduled task (the SLA sweep, the outbox, mailbox polling, WhatsApp retries, the digest, closing
 * resolved tickets, expiring quotes, Spring Session's clean-up) skips its turns while the database is
 * unreachable, and a task that fails because the database went away waits longer each time (doubling up to
 * {@value #MAX_BACKOFF_SECONDS} s) instead of failing, and logging a stack trace, every turn. It logs once when
 * it stops and once when it works again; it loses no work, since what it had not committed is still there to
 * do. Tasks are wrapped as they are handed to the scheduler, so a skipped turn is still a turn: the schedule
 * itself goes on.
 */
@Configuration(proxyBeanMethods = false)
class PausingWork implements SchedulingConfigurer {

    static final long MAX_BACKOFF_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(PausingWork.class);

    private final DatabaseAvailability availability;
    private final TaskScheduler scheduler;
    private final Clock clock = Clock.systemUTC();

    PausingWork(DatabaseAvailability availability, TaskScheduler scheduler) {
        this.availability = availability;
        this.scheduler = scheduler;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.setTaskScheduler(new PausingScheduler());
    }

    /** One scheduled task; the scheduler never runs a repeating task's turns at the same time. */
    final class Pausing implements Runnable {

        private final Runnable task;
        private int failures;
        private Instant notBefore = Instant.MIN;

        Pausing(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            Instant now = clock.instant();
            if (availability.isDown() || now.isBefore(notBefore)) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isCause(e)) {
                    throw e;
                }
                availability.suspect(e);
                failures++;
                Duration wait = Duration.ofSeconds(Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(failures, 6)));
                notBefore = now.plus(wait);
                if (failures == 1) {
                    log.info("{} stopped: the database is unreachable ({}); trying again with growing waits", task,
                            e.getMessage());
                } else {
                    log.debug("{} failed again ({}); next try in {} s", task, e.getMessage(), wait.toSeconds());
                }
                return;
            }
            if (failures > 0) {
                log.info("{} works again after {} failed turn(s)", task, failures);
                failures = 0;
                notBefore = Instant.MIN;
            }
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    /** The application's scheduler, with every task it is given wrapped in {@link Pausing}. */
    private final class PausingScheduler implements TaskScheduler {

        @Override
        public Clock getClock() {
            return scheduler.getClock();
        }

        @Override
        public @Nullable ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            return scheduler.schedule(new Pausing(task), trigger);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            return scheduler.schedule(new Pausing(task), startTime);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            return scheduler.scheduleAtFixedRate(new Pausing(task), startTime, period);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            return scheduler.scheduleAtFixedRate(new Pausing(task), period);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            return scheduler.scheduleWithFixedDelay(new Pausing(task), startTime, delay);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            return scheduler.scheduleWithFixedDelay(new Pausing(task), delay);
        }
    }
}
