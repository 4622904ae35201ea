package org.atende.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.atende.customers.Language;

/**
 * The words of a text as the H2 search indexes (tickets and knowledge articles) keep them: lower case,
 * without accents, without the language's stop words, and lightly stemmed so that "sesión", "sesiones";
 * "exportar", "exportação"; "faturas", "fatura"; "invoice", "invoices" meet. One set of rules, so both
 * indexes stem alike. Deliberately small: PostgreSQL's own dictionaries do this properly.
 */
public final class Terms {

    private static final Set<String> STOP_ES = Set.of("a", "al", "algo", "como", "con", "de", "del", "el", "en", "es",
            "esta", "este", "esto", "ha", "he", "la", "las", "le", "lo", "los", "me", "mi", "mis", "muy", "no", "o",
            "para", "pero", "por", "que", "se", "si", "sin", "su", "sus", "te", "tu", "un", "una", "uno", "y", "ya",
            "hay", "son", "fue", "ser", "mas", "cuando", "donde", "desde", "hasta", "nos", "yo");
    private static final Set<String> STOP_PT = Set.of("a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do",
            "dos", "e", "em", "eu", "foi", "ha", "isso", "isto", "me", "mais", "mas", "meu", "minha", "na", "nao", "nas",
            "no", "nos", "num", "numa", "o", "os", "ou", "para", "pela", "pelo", "por", "que", "se", "sem", "ser", "seu",
            "sua", "um", "uma", "ja", "quando", "onde", "desde", "ate", "esta", "este", "estou");
    private static final Set<String> STOP_EN = Set.of("a", "about", "after", "all", "am", "an", "and", "any", "are", "as",
            "at", "be", "been", "but", "by", "can", "cannot", "do", "does", "for", "from", "had", "has", "have", "how",
            "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our", "so", "that",
            "the", "their", "them", "then", "there", "this", "to", "too", "up", "was", "we", "were", "what", "when",
            "where", "which", "will", "with", "you", "your");

    private Terms() {
    }

    /** The distinct terms of {@code text} in the order they first occur. */
    public static Set<String> of(String text, Language language) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : fold(text).split("[^a-z0-9]+")) {
            if (word.length() < 2 || stopWords(language).contains(word)) {
                continue;
            }
            String stem = stem(word, language);
            if (stem.length() > 60) {
                stem = stem.substring(0, 60);
            }
            terms.add(stem);
        }
        return terms;
    }

    /** Lower case without accents: "Sesión" is "sesion". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "");
    }

    private static Set<String> stopWords(Language language) {
        return switch (language) {
            case ES -> STOP_ES;
            case PT -> STOP_PT;
            case EN -> STOP_EN;
        };
    }

    /** The stem of a folded word in {@code language}; a number is its own stem. */
    public static String stem(String word, Language language) {
        if (word.chars().allMatch(Character::isDigit)) {
            return word;
        }
        return switch (language) {
            case EN -> strip(word, 3, "ies", "ing", "ed", "es", "s", "e");
            case ES, PT -> romance(word);
        };
    }

    /** Spanish and Portuguese: plural, then a noun ending of action, then an infinitive or a final vowel. */
    private static String romance(String word) {
        String w = strip(word, 3, "coes", "ciones", "cion", "cao");
        if (!w.equals(word)) {
            return strip(w, 3, "a", "e", "i");
        }
        w = strip(w, 3, "es", "s");
        String infinitive = strip(w, 3, "ando", "endo", "indo", "ar", "er", "ir");
        return infinitive.equals(w) ? strip(w, 3, "a", "e", "o", "i") : infinitive;
    }

    /** Strips the first matching suffix when at least {@code keep} letters remain. */
    private static String strip(String word, int keep, String... suffixes) {
        for (String suffix : suffixes) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= keep) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }
}
