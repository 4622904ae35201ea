package org.atende.identity.internal;

import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.internal.UserController.UserResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user, for any role. */
@RestController
class MeController {

    private final Identity identity;

    MeController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/api/v1/me")
    UserResponse me(@AuthenticationPrincipal Actor actor) {
        return identity.user(actor.userId()).map(UserResponse::of)
                .orElseThrow(() -> new NoSuchElementException("No such user."));
    }
}
