package org.atende.channels.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.whatsapp.*}: the WhatsApp Business number the desk answers on. On when the phone number
 * id, the access token and the app secret are set.
 *
 * @param phoneNumberId the business number's id in the Graph API ({@code ATENDE_WHATSAPP_PHONENUMBERID})
 * @param accessToken a system user's token with {@code whatsapp_business_messaging} ({@code ATENDE_WHATSAPP_ACCESSTOKEN})
 * @param appSecret the Meta app's secret: the key of the webhook's {@code X-Hub-Signature-256} ({@code ATENDE_WHATSAPP_APPSECRET})
 * @param verifyToken what the webhook's subscription handshake must present ({@code ATENDE_WHATSAPP_VERIFYTOKEN})
 * @param graphBaseUrl the Graph API ({@code https://graph.facebook.com})
 * @param graphVersion the Graph API version in every path ({@code v26.0})
 * @param reopenWindow how long after its resolution a ticket still takes the contact's next message
 * @param templates the approved template sent outside the 24-hour window, per contact language
 *        ({@code atende.whatsapp.templates.pt.name=ticket_update}, {@code .language=pt_PT})
 * @param acknowledgementsPerHour acknowledgements one number gets in an hour at most
 * @param retryInterval how often stored notifications whose working failed are taken up again
 */
@ConfigurationProperties("atende.whatsapp")
public record WhatsAppProperties(@Nullable String phoneNumberId, @Nullable String accessToken, @Nullable String appSecret,
        @Nullable String verifyToken, @DefaultValue("https://graph.facebook.com") URI graphBaseUrl,
        @DefaultValue("v26.0") String graphVersion, @DefaultValue("P7D") Duration reopenWindow,
        @DefaultValue Map<String, Template> templates, @DefaultValue("3") int acknowledgementsPerHour,
        @DefaultValue("PT1M") Duration retryInterval) {

    /** An approved message template: its name and its language code ({@code pt_PT}). */
    public record Template(String name, String language) {
    }

    public boolean enabled() {
        return notBlank(phoneNumberId) && notBlank(accessToken) && notBlank(appSecret);
    }

    /** The template for a contact's language: the configured one, else {@code ticket_update} in that language. */
    public Template template(Language language) {
        Template configured = templates.get(language.name().toLowerCase(Locale.ROOT));
        if (configured != null) {
            return configured;
        }
        return new Template("ticket_update", switch (language) {
            case PT -> "pt_PT";
            case ES -> "es_ES";
            case EN -> "en_GB";
        });
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
