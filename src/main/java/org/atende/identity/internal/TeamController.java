package org.atende.identity.internal;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.TeamSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Teams: staff list and read them; administrators manage them. Customers do not see teams. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamController {

    private final Identity identity;

    TeamController(Identity identity) {
        this.identity = identity;
    }

    record TeamRequest(@NotBlank @Size(max = 120) String name, @NotNull TeamKind kind) {
    }

    record TeamResponse(long id, String name, TeamKind kind) {

        static TeamResponse of(TeamSummary t) {
            return new TeamResponse(t.id().value(), t.name(), t.kind());
        }
    }

    @GetMapping
    List<TeamResponse> list(@AuthenticationPrincipal Actor actor) {
        Access.require(actor, Role.AGENT);
        return identity.teams().stream().map(TeamResponse::of).toList();
    }

    @GetMapping("/{id}")
    TeamResponse get(@AuthenticationPrincipal Actor actor, @PathVariable long id) {
        return TeamResponse.of(visible(actor, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TeamResponse> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody TeamRequest body) {
        Access.require(actor, Role.ADMIN);
        TeamSummary created = identity.createTeam(new TeamDraft(body.name(), body.kind()));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(TeamResponse.of(created));
    }

    @PutMapping("/{id}")
    TeamResponse update(@AuthenticationPrincipal Actor actor, @PathVariable long id, @Valid @RequestBody TeamRequest body) {
        TeamSummary team = visible(actor, id);
        Access.require(actor, Role.ADMIN);
        return TeamResponse.of(identity.updateTeam(team.id(), new TeamDraft(body.name(), body.kind())));
    }

    private TeamSummary visible(Actor actor, long id) {
        Access.hideFromCustomers(actor, "team");
        return identity.team(new TeamId(id)).orElseThrow(() -> new NoSuchElementException("No such team."));
    }
}
