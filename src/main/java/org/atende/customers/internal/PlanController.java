package org.atende.customers.internal;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.Customers;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanId;
import org.atende.customers.PlanSummary;
import org.atende.customers.Viewer;
import org.jspecify.annotations.Nullable;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Plans: anyone signed in reads them (a customer's portal shows its plan); administrators manage them. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    private final Customers customers;

    PlanController(Customers customers) {
        this.customers = customers;
    }

    /** {@code monthlyTicketAllowance} left out: unlimited; {@code overQuotaPolicy} left out: ACCEPT_AND_FLAG. */
    record PlanRequest(@NotBlank @Size(max = 120) String name, @NotNull @Positive Long slaPolicyId,
            @NotNull @Pattern(regexp = "LOW|MEDIUM|HIGH|URGENT", message = "must be one of LOW, MEDIUM, HIGH, URGENT") String defaultPriority,
            @Nullable @PositiveOrZero Integer monthlyTicketAllowance, @Nullable OverQuotaPolicy overQuotaPolicy) {

        PlanDraft draft() {
            return new PlanDraft(name, slaPolicyId, defaultPriority, monthlyTicketAllowance, overQuotaPolicy);
        }
    }

    record PlanResponse(long id, String name, long slaPolicyId, String defaultPriority,
            @Nullable Integer monthlyTicketAllowance, OverQuotaPolicy overQuotaPolicy) {

        static PlanResponse of(PlanSummary p) {
            return new PlanResponse(p.id().value(), p.name(), p.slaPolicyId(), p.defaultPriority(),
                    p.monthlyTicketAllowance(), p.overQuotaPolicy());
        }
    }

    @GetMapping
    List<PlanResponse> list() {
        return customers.plans().stream().map(PlanResponse::of).toList();
    }

    @GetMapping("/{id}")
    PlanResponse get(@PathVariable long id) {
        return PlanResponse.of(find(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PlanResponse> create(@AuthenticationPrincipal Viewer viewer, @Valid @RequestBody PlanRequest body) {
        Access.requireAdmin(viewer);
        PlanSummary created = customers.createPlan(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())).body(PlanResponse.of(created));
    }

    @PutMapping("/{id}")
    PlanResponse update(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, @Valid @RequestBody PlanRequest body) {
        PlanSummary plan = find(id);
        Access.requireAdmin(viewer);
        return PlanResponse.of(customers.updatePlan(plan.id(), body.draft()));
    }

    private PlanSummary find(long id) {
        return customers.plan(new PlanId(id)).orElseThrow(() -> new NoSuchElementException("No such plan."));
    }
}
