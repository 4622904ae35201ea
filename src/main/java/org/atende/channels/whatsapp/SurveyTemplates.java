package org.atende.channels.whatsapp;

import java.util.Locale;
import java.util.Map;

import org.atende.customers.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atende.whatsapp.survey-templates.<es|pt|en>.name}, {@code .language}: the approved template that asks
 * whether an answer helped when the 24-hour window has closed. It has one body parameter (the ticket number) and
 * two quick-reply buttons (good, then bad), whose payloads the desk fills in. Default {@code satisfaction_survey}
 * in {@code es_ES}, {@code pt_PT}, {@code en_GB}.
 */
@ConfigurationProperties("atende.whatsapp")
record SurveyTemplates(@DefaultValue Map<String, WhatsAppProperties.Template> surveyTemplates) {

    WhatsAppProperties.Template of(Language language) {
        WhatsAppProperties.Template set = surveyTemplates == null ? null : surveyTemplates.get(language.name().toLowerCase(Locale.ROOT));
        return set != null ? set : new WhatsAppProperties.Template("satisfaction_survey", switch (language) {
            case PT -> "pt_PT";
            case ES -> "es_ES";
            case EN -> "en_GB";
        });
    }
}
