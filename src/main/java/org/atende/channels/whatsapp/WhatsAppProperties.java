package org.atende.channels.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.atende.customers.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.whatsapp.*}: the WhatsApp Business numbers the desk answers on. On when at least one number,
 * an access token for it and the app secret are set. The single-number settings ({@code phone-number-id},
 * {@code templates.*}, {@code triage-organisation}) are the first number; {@code numbers[n].*} adds more (one
 * per brand or country), each with its own organisation for unknown senders and its own templates.
 *
 * @param phoneNumberId the first business number's id in the Graph API ({@code ATENDE_WHATSAPP_PHONENUMBERID})
 * @param accessToken a system user's token with {@code whatsapp_business_messaging} ({@code ATENDE_WHATSAPP_ACCESSTOKEN}),
 *        for every number that has none of its own
 * @param appSecret the Meta app's secret: the key of the webhook's {@code X-Hub-Signature-256} ({@code ATENDE_WHATSAPP_APPSECRET})
 * @param verifyToken what the webhook's subscription handshake must present ({@code ATENDE_WHATSAPP_VERIFYTOKEN})
 * @param graphBaseUrl the Graph API ({@code https://graph.facebook.com})
 * @param graphVersion the Graph API version in every path ({@code v26.0})
 * @param reopenWindow how long after its resolution a ticket still takes the contact's next message
 * @param templates the first number's approved template sent outside the 24-hour window, per contact language
 *        ({@code atende.whatsapp.templates.pt.name=ticket_update}, {@code .language=pt_PT}); other numbers fall back to them
 * @param acknowledgementsPerHour acknowledgements one number gets in an hour at most
 * @param retryInterval how often stored notifications and messages whose working failed are taken up again
 * @param triageOrganisation the first number's organisation for unknown senders
 * @param numbers more business numbers
 * @param orderingWindow how long a message waits for earlier ones of its sender that may still be on their way
 */
@ConfigurationProperties("atende.whatsapp")
public record WhatsAppProperties(@Nullable String phoneNumberId, @Nullable String accessToken, @Nullable String appSecret,
        @Nullable String verifyToken, @DefaultValue("https://graph.facebook.com") URI graphBaseUrl,
        @DefaultValue("v26.0") String graphVersion, @DefaultValue("P7D") Duration reopenWindow,
        @DefaultValue Map<String, Template> templates, @DefaultValue("3") int acknowledgementsPerHour,
        @DefaultValue("PT1M") Duration retryInterval, @DefaultValue("Triage") String triageOrganisation,
        @DefaultValue List<BusinessNumber> numbers, @DefaultValue("PT1S") Duration orderingWindow) {

    /** An approved message template: its name and its language code ({@code pt_PT}). */
    public record Template(String name, String language) {
    }

    /**
     * One business number: its Graph id, a label for people, its own token (else the shared one), the
     * organisation its unknown senders join, and its templates per contact language.
     */
    public record BusinessNumber(String phoneNumberId, @Nullable String name, @Nullable String accessToken,
            @Nullable String triageOrganisation, @DefaultValue Map<String, Template> templates) {
    }

    public WhatsAppProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    /** The numbers the desk serves, the single-number setting first; each id once. */
    public List<BusinessNumber> served() {
        List<BusinessNumber> all = new ArrayList<>();
        if (notBlank(phoneNumberId)) {
            all.add(new BusinessNumber(phoneNumberId.strip(), null, null, triageOrganisation, templates));
        }
        for (BusinessNumber n : numbers) {
            if (n != null && notBlank(n.phoneNumberId()) && all.stream().noneMatch(a -> a.phoneNumberId().equals(n.phoneNumberId().strip()))) {
                all.add(new BusinessNumber(n.phoneNumberId().strip(), n.name(), n.accessToken(), n.triageOrganisation(),
                        n.templates() == null ? Map.of() : n.templates()));
            }
        }
        return all;
    }

    /** A served number by its id; another number's notifications are not the desk's. */
    public Optional<BusinessNumber> number(@Nullable String id) {
        return id == null ? Optional.empty() : served().stream().filter(n -> n.phoneNumberId().equals(id)).findFirst();
    }

    /** The number that answers when nothing says which: the first. */
    public BusinessNumber first() {
        return served().getFirst();
    }

    /** The number by its id, or the first when that one is no longer served. */
    public BusinessNumber numberOrFirst(@Nullable String id) {
        return number(id).orElseGet(this::first);
    }

    public boolean enabled() {
        List<BusinessNumber> served = served();
        return !served.isEmpty() && notBlank(appSecret) && served.stream().allMatch(n -> notBlank(tokenOf(n)));
    }

    /** The token a number's calls carry. */
    public @Nullable String tokenOf(BusinessNumber number) {
        return notBlank(number.accessToken()) ? number.accessToken() : accessToken;
    }

    /** The organisation a number's unknown senders join. */
    public String triageOrganisationOf(BusinessNumber number) {
        return notBlank(number.triageOrganisation()) ? number.triageOrganisation().strip() : triageOrganisation;
    }

    /** The template of the first number for a contact's language. */
    public Template template(Language language) {
        return template(first(), language);
    }

    /** A number's template for a contact's language: its own, else the first number's, else {@code ticket_update}. */
    public Template template(BusinessNumber number, Language language) {
        String key = language.name().toLowerCase(Locale.ROOT);
        Template own = number.templates() == null ? null : number.templates().get(key);
        if (own != null) {
            return own;
        }
        Template shared = templates.get(key);
        if (shared != null) {
            return shared;
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
