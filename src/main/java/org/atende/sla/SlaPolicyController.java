package org.atende.sla;

import java.net.URI;
import java.util.List;

import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sla-policies}: staff read policies, admins create and change them. */
@RestController
@RequestMapping("/api/v1/sla-policies")
class SlaPolicyController {

    static final String INVALID = "invalid-sla-policy";

    private final SlaPolicies policies;

    SlaPolicyController(SlaPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    List<SlaPolicy> list(@AuthenticationPrincipal @Nullable Actor actor) {
        Callers.staff(actor);
        return policies.list();
    }

    @GetMapping("/{id}")
    SlaPolicy get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.staff(actor);
        return policies.get(id).orElseThrow(() -> Problem.notFound("no SLA policy " + id));
    }

    @PostMapping
    ResponseEntity<SlaPolicy> create(@RequestBody SlaPolicyDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.admin(actor);
        SlaPolicy created = saved(policies.create(draft));
        return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    SlaPolicy update(@PathVariable long id, @RequestBody SlaPolicyDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        Callers.admin(actor);
        if (policies.get(id).isEmpty()) {
            throw Problem.notFound("no SLA policy " + id);
        }
        return saved(policies.update(id, draft));
    }

    private static SlaPolicy saved(Outcome<SlaPolicy> outcome) {
        return switch (outcome) {
            case Outcome.Saved<SlaPolicy>(SlaPolicy policy) -> policy;
            case Outcome.Rejected<SlaPolicy>(List<String> problems) -> throw Problem.invalid(INVALID, "Invalid SLA policy", problems);
        };
    }
}
