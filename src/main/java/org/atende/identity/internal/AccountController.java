package org.atende.identity.internal;

import java.net.URI;
import java.time.Instant;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.IssuedToken;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.TokenKind;
import org.atende.identity.internal.UserController.IssuedTokenResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The way from a password to the API, for the session side (form login, CSRF on): an administrator
 * signed in at {@code /login} issues itself a token, e.g. the bootstrapped first administrator, who has
 * no token yet. {@code GET /account/csrf} gives the CSRF token to send as the named header.
 */
@RestController
@RequestMapping("/account")
class AccountController {

    private final Identity identity;

    AccountController(Identity identity) {
        this.identity = identity;
    }

    record CsrfResponse(String headerName, String parameterName, String token) {
    }

    record OwnTokenRequest(@NotBlank @Size(max = 120) String name, @Nullable Instant expiresAt,
            @io.swagger.v3.oas.annotations.media.Schema(description = "INTEGRATION (the default): tickets opened with the token "
                    + "record channel API. APP: the vendor's app; its tickets record channel APP.") @Nullable TokenKind kind) {
    }

    @GetMapping("/csrf")
    CsrfResponse csrf(CsrfToken token) {
        return new CsrfResponse(token.getHeaderName(), token.getParameterName(), token.getToken());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedTokenResponse> issueOwnToken(@AuthenticationPrincipal Actor signedIn,
            @Valid @RequestBody OwnTokenRequest body) {
        if (signedIn.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only administrators issue tokens; ask one for yours.");
        }
        IssuedToken issued = identity.issueToken(signedIn.userId(), new TokenDraft(body.name(), body.expiresAt(),
                body.kind() == null ? TokenKind.INTEGRATION : body.kind()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(IssuedTokenResponse.of(issued));
    }
}
