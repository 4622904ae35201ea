package org.atende.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Availability;
import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.problems.Problem;
import org.atende.routing.Availabilities;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Availability ({@code AVAILABLE}, {@code AWAY}) and languages ({@code ES}, {@code PT}, {@code EN}) of staff: each
 * their own under {@code /api/v1/me}, administrators anyone's under {@code /api/v1/users/{id}} (leads read). Going
 * away with {@code "handBack": true} hands the agent's unfinished tickets back to their team queues. Bad values are
 * refused with {@code 400 …/invalid-availability} listing every problem.
 */
@RestController
class AvailabilityController {

    static final String INVALID = "invalid-availability";

    private final Availabilities availabilities;

    AvailabilityController(Availabilities availabilities) {
        this.availabilities = availabilities;
    }

    record AvailabilityRequest(@Nullable String availability, @Nullable Boolean handBack) {
    }

    record LanguagesRequest(@Nullable List<String> languages) {
    }

    /** An agent's availability and languages; {@code unfinishedTickets} is what going away would hand back. */
    record AvailabilityResponse(long userId, String name, @Nullable Long teamId, Availability availability, List<Language> languages,
            int unfinishedTickets, @Nullable Integer handedBack) {

        static AvailabilityResponse of(Availabilities.AgentAvailability a, @Nullable Integer handedBack) {
            var agent = a.agent();
            return new AvailabilityResponse(agent.id().value(), agent.name(), agent.teamId() == null ? null : agent.teamId().value(),
                    agent.availability(), agent.languages().stream().sorted().toList(), a.unfinishedTickets(), handedBack);
        }
    }

    @GetMapping("/api/v1/me/availability")
    AvailabilityResponse mine(@AuthenticationPrincipal @Nullable Actor actor) {
        Actor me = Callers.atLeast(actor, Role.AGENT);
        return AvailabilityResponse.of(availabilities.of(me.userId(), me), null);
    }

    @PutMapping("/api/v1/me/availability")
    AvailabilityResponse setMine(@RequestBody AvailabilityRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor me = Callers.atLeast(actor, Role.AGENT);
        return set(me.userId(), body, me);
    }

    @PutMapping("/api/v1/me/languages")
    AvailabilityResponse setMyLanguages(@RequestBody LanguagesRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor me = Callers.atLeast(actor, Role.AGENT);
        return AvailabilityResponse.of(availabilities.speaks(me.userId(), languages(body), me), null);
    }

    @GetMapping("/api/v1/users/{id}/availability")
    AvailabilityResponse of(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        return AvailabilityResponse.of(availabilities.of(new UserId(id), caller), null);
    }

    @PutMapping("/api/v1/users/{id}/availability")
    AvailabilityResponse setOf(@PathVariable long id, @RequestBody AvailabilityRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        return set(new UserId(id), body, signedIn(actor));
    }

    @PutMapping("/api/v1/users/{id}/languages")
    AvailabilityResponse setLanguagesOf(@PathVariable long id, @RequestBody LanguagesRequest body,
            @AuthenticationPrincipal @Nullable Actor actor) {
        Actor caller = signedIn(actor);
        Set<Language> languages = languages(body);
        return AvailabilityResponse.of(availabilities.speaks(new UserId(id), languages, caller), null);
    }

    private AvailabilityResponse set(UserId user, AvailabilityRequest body, Actor actor) {
        Availability availability = Arrays.stream(Availability.values())
                .filter(a -> body.availability() != null && a.name().equalsIgnoreCase(body.availability().strip())).findFirst()
                .orElseThrow(() -> Problem.invalid(INVALID, "Invalid availability",
                        List.of("availability: one of " + Arrays.toString(Availability.values()) + ", not " + body.availability())));
        var changed = availabilities.set(user, availability, Boolean.TRUE.equals(body.handBack()), actor);
        return AvailabilityResponse.of(changed.now(), changed.handedBack());
    }

    private static Set<Language> languages(LanguagesRequest body) {
        Set<Language> found = EnumSet.noneOf(Language.class);
        List<String> problems = new ArrayList<>();
        for (String given : body.languages() == null ? List.<String>of() : body.languages()) {
            Arrays.stream(Language.values()).filter(l -> given != null && l.name().equalsIgnoreCase(given.strip())).findFirst()
                    .ifPresentOrElse(found::add, () -> problems.add("languages: one of " + Arrays.toString(Language.values())
                            + ", not " + given));
        }
        if (!problems.isEmpty()) {
            throw Problem.invalid(INVALID, "Invalid languages", problems);
        }
        return found;
    }

    private static Actor signedIn(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        return actor;
    }
}
