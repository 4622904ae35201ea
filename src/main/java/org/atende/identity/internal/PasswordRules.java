package org.atende.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * What a password must be wherever one is set (invitation, reset, own change, an administrator's create or
 * change, the bootstrap administrator): 12 to 128 characters, and not easy to guess. Guessability is nbvcxz's
 * estimate, in bits of entropy, of how many guesses a cracker would need, knowing the common and leaked
 * passwords, dictionary words and names, keyboard walks, repeats, sequences, dates and l33t substitutions, and
 * the person's own name and e-mail; below {@code atende.passwords.min-entropy} (35 bits) it is refused.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /** Why a password is refused; pages say it in the user's language ({@code password.refused.*}). */
    enum Refusal {
        LENGTH("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"),
        GUESSABLE("is too easy to guess: it is a common password, or built like those in leaked-password lists "
                + "(a word with digits, a keyboard row, a date, the person's own name); choose a few unrelated words");

        final String message;

        Refusal(String message) {
            this.message = message;
        }

        /** The refusal a problem's message names, if any. */
        static Refusal of(String message) {
            for (Refusal r : values()) {
                if (r.message.equals(message)) {
                    return r;
                }
            }
            return null;
        }

        /** The message key of the first refusal among a problem's errors (length when none is recognised). */
        static String keyOf(org.atende.identity.IdentityDataException refused) {
            return refused.errors().stream().map(e -> of(e.message())).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(LENGTH).messageKey();
        }

        String messageKey() {
            return "password.refused." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final double minEntropy;

    PasswordRules(@Value("${atende.passwords.min-entropy:35}") double minEntropy) {
        this.minEntropy = minEntropy;
    }

    /** The reason to refuse {@code password} of someone called {@code personal} (name, e-mail); null: fine. */
    Refusal refusal(String password, String... personal) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Refusal.LENGTH;
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        for (String part : personal) {
            for (String word : part == null ? new String[0] : part.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    own.addWord(word, 0);
                }
            }
        }
        dictionaries.add(own.createDictionary());
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(minEntropy)
                .setDictionaries(dictionaries).createConfiguration());
        return estimator.estimate(password).isMinimumEntropyMet() ? null : Refusal.GUESSABLE;
    }
}
