package org.atende.channels.whatsapp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The WhatsApp settings, for the Graph API client and everything that sends. */
@Configuration
@EnableConfigurationProperties({WhatsAppProperties.class, SurveyTemplates.class})
class GraphApiConfiguration {
}
