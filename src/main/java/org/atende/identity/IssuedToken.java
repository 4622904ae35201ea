package org.atende.identity;

/**
 * A token just issued, with its secret: the only time the secret exists outside the caller's hands,
 * since only its SHA-256 is stored. {@link #toString()} leaves the secret out so it cannot reach a log.
 */
public record IssuedToken(TokenSummary token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=" + token.prefix() + "…]";
    }
}
