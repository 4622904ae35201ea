package org.atende.channels.email;

import java.time.Clock;

import org.atende.channels.email.mime.MailReader;
import org.atende.channels.email.mime.ParsedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps a mail the desk could not take in, with its source and the error, so it is never lost nor retried forever. */
@Component
class UnreadableMail {

    private static final Logger log = LoggerFactory.getLogger(UnreadableMail.class);

    private final MailReader reader;
    private final InboundRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UnreadableMail(MailReader reader, InboundRecords records, PlatformTransactionManager transactions, Clock clock) {
        this.reader = reader;
        this.records = records;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** True when the mail is now on record (as unreadable, or because it was already there). */
    boolean keep(String mailbox, byte[] raw, Exception error) {
        try {
            ParsedMail mail = reader.read(raw);
            String key = mail.messageIdSynthesized() ? MailThreads.sha256(raw) : MailThreads.key(mail.messageId());
            transactions.executeWithoutResult(tx -> {
                if (!records.known(key)) {
                    long id = records.claim(key, mail.messageId(), mailbox, mail.from() == null ? null : mail.from().address(),
                            mail.subject(), raw, clock.instant());
                    records.settle(id, InboundOutcome.of(InboundOutcome.Kind.UNREADABLE, null, error.toString()), null, null, null);
                }
            });
            log.warn("Mail {} kept as unreadable after repeated failures: {}", mail.messageId(), error.toString());
            return true;
        } catch (RuntimeException e) {
            log.error("Mail could not even be kept as unreadable; it stays unseen in {}", mailbox, e);
            return false;
        }
    }
}
