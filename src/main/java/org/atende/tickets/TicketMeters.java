package org.atende.tickets;

import java.util.EnumMap;
import java.util.Map;

import org.atende.operations.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The tickets module's meters: {@code atende.tickets.opened} (tickets opened, counted once their
 * transaction commits) and {@code atende.quota.refusals} (tickets a refusing plan turned away), both per
 * channel. Every channel's counter exists from the start, at 0, so that rates are defined before the
 * first ticket. Counted by the instance that did it: sum them over instances.
 */
@Component
class TicketMeters {

    private final Map<Channel, Counter> opened = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> refused = new EnumMap<>(Channel.class);

    TicketMeters(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            String tag = channel.name().toLowerCase(java.util.Locale.ROOT);
            opened.put(channel, Counter.builder("atende.tickets.opened").description("Tickets opened")
                    .tag("channel", tag).register(registry));
            refused.put(channel, Counter.builder("atende.quota.refusals")
                    .description("Tickets refused because the plan's monthly allowance was used up")
                    .tag("channel", tag).register(registry));
        }
    }

    @EventListener
    void on(TicketOpened event) {
        Counter counter = opened.get(event.channel());
        AfterCommit.run(counter::increment);
    }

    /** A refusal is counted at once: the refused attempt's transaction rolls back, the refusal happened. */
    void refused(Channel channel) {
        refused.get(channel).increment();
    }
}
