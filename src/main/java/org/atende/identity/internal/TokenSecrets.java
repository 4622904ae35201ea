package org.atende.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: {@code atd_} followed by 32 random bytes in unpadded base64url (47 characters). Only
 * their SHA-256 (hex) is stored, and their first {@value #PREFIX_LENGTH} characters to tell them apart.
 */
final class TokenSecrets {

    static final String SCHEME = "atd_";
    static final int PREFIX_LENGTH = 12;
    static final int SECRET_LENGTH = SCHEME.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code secret} could be one of ours; anything else is refused without a database query. */
    static boolean looksValid(String secret) {
        if (secret.length() != SECRET_LENGTH || !secret.startsWith(SCHEME)) {
            return false;
        }
        for (int i = SCHEME.length(); i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String prefix(String secret) {
        return secret.substring(0, PREFIX_LENGTH);
    }
}
