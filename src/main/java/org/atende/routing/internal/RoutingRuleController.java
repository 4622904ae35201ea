package org.atende.routing.internal;

import java.net.URI;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.atende.routing.RoutingOutcome;
import org.atende.routing.RoutingRule;
import org.atende.routing.RoutingRuleDraft;
import org.atende.routing.RoutingRules;
import org.atende.routing.RoutingSettings;
import org.atende.routing.RuleProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/routing-rules}: leads and administrators read and change the rules (leads balance their teams' work);
 * {@code /api/v1/routing-settings}: leads read, administrators set the default team. A rule that cannot work is
 * refused with {@code 400 …/invalid-routing-rule} listing every problem in {@code problems}.
 */
@RestController
class RoutingRuleController {

    static final String INVALID = "invalid-routing-rule";

    private final RoutingRules rules;

    RoutingRuleController(RoutingRules rules) {
        this.rules = rules;
    }

    /** The rules in the order they are tried. */
    @GetMapping("/api/v1/routing-rules")
    List<RoutingRule> list(@AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        return rules.list();
    }

    @GetMapping("/api/v1/routing-rules/{id}")
    RoutingRule get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        return rules.get(id).orElseThrow(() -> Problem.notFound("no routing rule " + id));
    }

    /** A new rule, last unless {@code position} says where. */
    @PostMapping("/api/v1/routing-rules")
    ResponseEntity<RoutingRule> create(@RequestBody RoutingRuleDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        RoutingRule created = saved(rules.create(draft));
        return ResponseEntity.created(URI.create("/api/v1/routing-rules/" + created.id())).body(created);
    }

    /** Replaces a rule; {@code position} moves it (the others shift). */
    @PutMapping("/api/v1/routing-rules/{id}")
    RoutingRule update(@PathVariable long id, @RequestBody RoutingRuleDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        return saved(rules.update(id, draft).orElseThrow(() -> Problem.notFound("no routing rule " + id)));
    }

    @DeleteMapping("/api/v1/routing-rules/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        if (!rules.delete(id)) {
            throw Problem.notFound("no routing rule " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Where tickets no rule matches go (no default team: they stay unrouted). */
    @GetMapping("/api/v1/routing-settings")
    RoutingSettings settings(@AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.LEAD);
        return rules.settings();
    }

    /** Sets the default team ({@code defaultTeamId}, null for none) and method ({@code defaultMethod}). */
    @PutMapping("/api/v1/routing-settings")
    RoutingSettings changeSettings(@RequestBody SettingsRequest body, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.atLeast(actor, Role.ADMIN);
        return switch (rules.changeSettings(new RoutingRuleDraft.Action(body.defaultTeamId(), body.defaultMethod()))) {
            case RoutingOutcome.Saved<RoutingSettings>(RoutingSettings s) -> s;
            case RoutingOutcome.Refused<RoutingSettings>(List<RuleProblem> problems) -> throw refused("Invalid routing settings", problems);
        };
    }

    record SettingsRequest(@Nullable Long defaultTeamId, @Nullable String defaultMethod) {
    }

    private static RoutingRule saved(RoutingOutcome<RoutingRule> outcome) {
        return switch (outcome) {
            case RoutingOutcome.Saved<RoutingRule>(RoutingRule rule) -> rule;
            case RoutingOutcome.Refused<RoutingRule>(List<RuleProblem> problems) -> throw refused("Invalid routing rule", problems);
        };
    }

    private static ErrorResponseException refused(String title, List<RuleProblem> problems) {
        ErrorResponseException e = Problem.invalid(INVALID, title, problems.stream().map(RuleProblem::toString).toList());
        e.getBody().setProperty("errors", problems.stream().map(p -> new FieldMessage(p.field(), p.code(), p.message())).toList());
        return e;
    }

    record FieldMessage(String field, String code, String message) {
    }
}
