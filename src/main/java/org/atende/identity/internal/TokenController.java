package org.atende.identity.internal;

import java.time.Instant;
import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TokenId;
import org.atende.identity.TokenKind;
import org.atende.identity.TokenSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One API token: administrators read and revoke it. Revoking takes effect on the next request. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final Identity identity;

    TokenController(Identity identity) {
        this.identity = identity;
    }

    record TokenResponse(long id, long userId, String name, String prefix, Instant createdAt,
            @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, TokenKind kind) {

        static TokenResponse of(TokenSummary t) {
            return new TokenResponse(t.id().value(), t.userId().value(), t.name(), t.prefix(), t.createdAt(),
                    t.expiresAt(), t.lastUsedAt(), t.revokedAt(), t.kind());
        }
    }

    @GetMapping("/{id}")
    TokenResponse get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        TokenSummary token = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        return TokenResponse.of(token);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        TokenSummary token = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        identity.revokeToken(token.id());
        return ResponseEntity.noContent().build();
    }

    /** A token is as visible as its user. */
    private TokenSummary visible(Actor actor, long id) {
        TokenSummary token = identity.token(new TokenId(id))
                .orElseThrow(() -> new NoSuchElementException("No such token."));
        Access.visibleUser(actor, identity.user(token.userId()));
        return token;
    }
}
