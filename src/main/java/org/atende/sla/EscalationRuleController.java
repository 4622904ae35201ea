package org.atende.sla;

import java.net.URI;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/escalation-rules}: leads and admins read, write and delete the escalation rules. */
@RestController
@RequestMapping("/api/v1/escalation-rules")
class EscalationRuleController {

    static final String INVALID = "invalid-escalation-rule";

    private final EscalationRules rules;

    EscalationRuleController(EscalationRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<EscalationRule> list(@AuthenticationPrincipal @Nullable Actor actor) {
        Callers.lead(actor);
        return rules.list();
    }

    @GetMapping("/{id}")
    EscalationRule get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.lead(actor);
        return rules.get(id).orElseThrow(() -> Problem.notFound("no escalation rule " + id));
    }

    @PostMapping
    ResponseEntity<EscalationRule> create(@RequestBody EscalationRuleDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.lead(actor);
        EscalationRule created = saved(rules.create(draft));
        return ResponseEntity.created(URI.create("/api/v1/escalation-rules/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    EscalationRule update(@PathVariable long id, @RequestBody EscalationRuleDraft draft,
            @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.lead(actor);
        return saved(rules.update(id, draft).orElseThrow(() -> Problem.notFound("no escalation rule " + id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.lead(actor);
        if (!rules.delete(id)) {
            throw Problem.notFound("no escalation rule " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static EscalationRule saved(Outcome<EscalationRule> outcome) {
        return switch (outcome) {
            case Outcome.Saved<EscalationRule>(EscalationRule rule) -> rule;
            case Outcome.Rejected<EscalationRule>(List<String> problems) ->
                    throw Problem.invalid(INVALID, "Invalid escalation rule", problems);
        };
    }
}
