package org.atende.identity.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.IssuedToken;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.TokenDraft;
import org.atende.identity.TokenKind;
import org.atende.identity.UserDraft;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.identity.internal.TokenController.TokenResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Users and their API tokens: team leads and administrators list and read users; administrators manage. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final Identity identity;

    UserController(Identity identity) {
        this.identity = identity;
    }

    record UserRequest(@NotBlank @Size(max = 320) @Email(regexp = ".+@.+\\..+") String email,
            @NotBlank @Size(max = 200) String name, @NotNull Role role, @Positive @Nullable Long organisationId,
            @Positive @Nullable Long contactId, @Positive @Nullable Long teamId, @Nullable Boolean active,
            @Size(min = Users.MIN_PASSWORD, max = Users.MAX_PASSWORD) @Nullable String password) {

        UserDraft draft() {
            return new UserDraft(email, name, role, organisationId == null ? null : new OrganisationId(organisationId),
                    contactId == null ? null : new ContactId(contactId), teamId == null ? null : new TeamId(teamId),
                    active == null || active, password);
        }
    }

    record UserResponse(long id, String email, String name, Role role, @Nullable Long organisationId,
            @Nullable Long contactId, @Nullable Long teamId, boolean active) {

        static UserResponse of(UserSummary u) {
            return new UserResponse(u.id().value(), u.email(), u.name(), u.role(),
                    u.organisationId() == null ? null : u.organisationId().value(),
                    u.contactId() == null ? null : u.contactId().value(), u.teamId() == null ? null : u.teamId().value(),
                    u.active());
        }
    }

    /** {@code kind}: INTEGRATION (default; new tickets record channel API) or APP (the vendor's app; channel APP). */
    record TokenRequest(@NotBlank @Size(max = 120) String name, @Nullable Instant expiresAt,
            @io.swagger.v3.oas.annotations.media.Schema(description = "INTEGRATION (the default): tickets opened with the token "
                    + "record channel API. APP: the vendor's app; its tickets record channel APP.") @Nullable TokenKind kind) {

        TokenDraft draft() {
            return new TokenDraft(name, expiresAt, kind == null ? TokenKind.INTEGRATION : kind);
        }
    }

    /** The only answer that carries the secret. */
    record IssuedTokenResponse(long id, long userId, String name, String prefix, Instant createdAt,
            @Nullable Instant expiresAt, TokenKind kind, String secret) {

        static IssuedTokenResponse of(IssuedToken issued) {
            var t = issued.token();
            return new IssuedTokenResponse(t.id().value(), t.userId().value(), t.name(), t.prefix(), t.createdAt(),
                    t.expiresAt(), t.kind(), issued.secret());
        }
    }

    @GetMapping
    PageResponse<UserResponse> list(@AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Access.require(actor, Role.LEAD);
        return PageResponse.of(identity.users(page, size).stream().map(UserResponse::of).toList(), page, size,
                identity.countUsers());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserResponse> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody UserRequest body) {
        Access.require(actor, Role.ADMIN);
        UserSummary created = identity.createUser(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserResponse.of(created));
    }

    @GetMapping("/{id}")
    UserResponse get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        UserSummary user = visible(actor, id);
        Access.require(actor, Role.LEAD);
        return UserResponse.of(user);
    }

    @PutMapping("/{id}")
    UserResponse update(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody UserRequest body) {
        UserSummary user = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        return UserResponse.of(identity.updateUser(user.id(), body.draft()));
    }

    @GetMapping("/{id}/tokens")
    List<TokenResponse> tokens(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        UserSummary user = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        return identity.tokens(user.id()).stream().map(TokenResponse::of).toList();
    }

    @PostMapping("/{id}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedTokenResponse> issueToken(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @Valid @RequestBody TokenRequest body) {
        UserSummary user = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        IssuedToken issued = identity.issueToken(user.id(), body.draft());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .cacheControl(CacheControl.noStore())
                .body(IssuedTokenResponse.of(issued));
    }

    record InvitationResponse(long userId, String email, Instant createdAt, Instant expiresAt) {
    }

    /** Sends the user an invitation by e-mail (a one-time link to set a password); an earlier link stops working. */
    @PostMapping("/{id}/invitation")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        UserSummary user = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        var sent = identity.invite(user.id(), actor.userId());
        return new InvitationResponse(sent.userId().value(), sent.email(), sent.createdAt(), sent.expiresAt());
    }

    private UserSummary visible(Actor actor, long id) {
        return Access.visibleUser(actor, identity.user(new UserId(id)));
    }
}
