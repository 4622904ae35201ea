package org.atende.notifications;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({OutboxProperties.class, DigestProperties.class})
class NotificationsConfiguration {
}
