package org.atende.channels.email;

import java.util.Set;

import org.atende.channels.email.mime.MailReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(EmailProperties.class)
class EmailConfiguration {

    /** The reader knows the desk's own address and domain, to tell its own mail (a loop) from a person's. */
    @Bean
    MailReader mailReader(EmailProperties properties) {
        return new MailReader(properties.maxAttachmentSize().toBytes(),
                properties.enabled() ? Set.of(properties.ownAddress()) : Set.of(), properties.messageIdDomain());
    }
}
