package org.atende.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenSecretsUnitTests {

    @Test
    void areAtdFollowedBy32RandomBytesInBase64Url() {
        String secret = TokenSecrets.generate();

        assertThat(secret).matches("atd_[A-Za-z0-9_-]{43}");
        assertThat(TokenSecrets.looksValid(secret)).isTrue();
    }

    @Test
    void neverRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(TokenSecrets.generate());
        }

        assertThat(secrets).hasSize(1000);
    }

    @Test
    void areHashedToLowerCaseHexSha256() {
        assertThat(TokenSecrets.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void areRecognisedByTheirFirstTwelveCharacters() {
        assertThat(TokenSecrets.prefix("atd_abcdefghijklmnop")).isEqualTo("atd_abcdefgh");
    }

    @Test
    void refuseWhatCannotBeOneOfOurs() {
        assertThat(TokenSecrets.looksValid("")).isFalse();
        assertThat(TokenSecrets.looksValid("atd_" + "A".repeat(42))).isFalse();
        assertThat(TokenSecrets.looksValid("xyz_" + "A".repeat(43))).isFalse();
        assertThat(TokenSecrets.looksValid("atd_" + "A".repeat(42) + "=")).isFalse();
    }
}
