package org.atende.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.atende.identity.internal.PasswordRules.Refusal;
import org.junit.jupiter.api.Test;

class PasswordRulesUnitTests {

    private final PasswordRules rules = new PasswordRules(35);

    @Test
    void refusesCommonAndBreachedStylePasswordsOfAnyLength() {
        for (String password : new String[] {"password1234", "Password123!", "qwertyuiop12", "123456789012",
                "iloveyou2026", "aaaaaaaaaaaa", "Summer2026!!", "letmein12345", "P@ssw0rd2026", "1q2w3e4r5t6y",
                "administrator", "correct horse battery staple"}) {
            assertThat(rules.refusal(password, "Ana Silva", "ana")).as(password).isEqualTo(Refusal.GUESSABLE);
        }
    }

    @Test
    void refusesThePersonsOwnNameAndAddress() {
        assertThat(rules.refusal("Marcelina Vasconcelos 1987", "Marcelina Vasconcelos", "marcelina.v"))
                .isEqualTo(Refusal.GUESSABLE);
        assertThat(rules.refusal("Marcelina Vasconcelos 1987", "Ana Silva", "ana")).isNull();
    }

    @Test
    void acceptsUnrelatedWordsAndLongPhrases() {
        for (String password : new String[] {"plum orchard at dusk 27", "violet kettle on the hill", "Tr0ub4dor&3xyz",
                "atende-demo-2026", "knowledge is power, mostly", "a long and unusual passphrase 42"}) {
            assertThat(rules.refusal(password, "Ana Silva", "ana")).as(password).isNull();
        }
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(rules.refusal("Xq7#p", "Ana", "ana")).isEqualTo(Refusal.LENGTH);
        assertThat(rules.refusal("zebra ".repeat(30), "Ana", "ana")).isEqualTo(Refusal.LENGTH);
    }
}
