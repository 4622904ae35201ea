package org.atende.techservice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Quote events as listeners see them, from any thread (the server's, the sweep's); import into a Spring test. */
@TestConfiguration(proxyBeanMethods = false)
public class PublishedQuoteEvents {

    @Bean
    Log publishedQuoteEventLog() {
        return new Log();
    }

    public static final class Log {
        private final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener({QuoteSent.class, QuoteAccepted.class, QuoteRejected.class, QuoteExpired.class})
        void on(Object event) {
            events.add(event);
        }

        /** The events about one quote, in order. */
        public List<Object> of(long quoteId) {
            return events.stream().filter(e -> quoteIdOf(e) == quoteId).toList();
        }

        public <T> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public void clear() {
            events.clear();
        }

        private static long quoteIdOf(Object e) {
            return switch (e) {
                case QuoteSent s -> s.quoteId().value();
                case QuoteAccepted a -> a.quoteId().value();
                case QuoteRejected r -> r.quoteId().value();
                case QuoteExpired x -> x.quoteId().value();
                default -> -1;
            };
        }
    }
}
