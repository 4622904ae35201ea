package org.atende.customers.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.atende.customers.ContactDraft;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanId;
import org.atende.customers.QuotaMonth;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.customers.Viewer;
import org.atende.customers.internal.ContactController.ContactRequest;
import org.atende.customers.internal.ContactController.ContactResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Organisations and their contacts: staff list, create and change them; a customer reads its own. */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    private final Customers customers;
    private final Quotas quotas;

    OrganisationController(Customers customers, Quotas quotas) {
        this.customers = customers;
        this.quotas = quotas;
    }

    record OrganisationRequest(@NotBlank @Size(max = 200) String name, @NotNull @Positive Long planId,
            @NotNull Language language, @Positive @Nullable Long calendarId,
            @Size(max = 50) @Nullable List<@NotNull @Pattern(regexp = Rules.DOMAIN, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be a domain name such as example.com") String> emailDomains,
            @Positive @Nullable Long accountLeadId) {

        OrganisationDraft draft() {
            return new OrganisationDraft(name, new PlanId(planId), language, calendarId,
                    emailDomains == null ? List.of() : emailDomains, accountLeadId);
        }
    }

    record OrganisationResponse(long id, String name, long planId, Language language, @Nullable Long calendarId,
            List<String> emailDomains, @Nullable Long accountLeadId) {

        static OrganisationResponse of(OrganisationSummary o) {
            return new OrganisationResponse(o.id().value(), o.name(), o.planId().value(), o.language(), o.calendarId(),
                    o.emailDomains(), o.accountLeadId());
        }
    }

    record PlanChange(@NotNull @Positive Long planId) {
    }

    /** This month's use of the allowance, and the last {@code months} months (newest first). */
    record QuotaResponse(long organisationId, long planId, String month, @Nullable Integer allowance, int used,
            int overQuota, @Nullable Integer remaining, OverQuotaPolicy overQuotaPolicy, Instant renewsAt,
            List<QuotaMonth> history) {
    }

    @GetMapping
    PageResponse<OrganisationResponse> list(@AuthenticationPrincipal Viewer viewer,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Access.requireStaff(viewer);
        return PageResponse.of(customers.organisations(page, size).stream().map(OrganisationResponse::of).toList(),
                page, size, customers.countOrganisations());
    }

    @GetMapping("/{id}")
    OrganisationResponse get(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return OrganisationResponse.of(visible(viewer, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<OrganisationResponse> create(@AuthenticationPrincipal Viewer viewer,
            @Valid @RequestBody OrganisationRequest body) {
        Access.requireStaff(viewer);
        OrganisationSummary created = customers.createOrganisation(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(OrganisationResponse.of(created));
    }

    /** Staff change an organisation; only an administrator changes its plan. */
    @PutMapping("/{id}")
    OrganisationResponse update(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @Valid @RequestBody OrganisationRequest body) {
        OrganisationSummary organisation = visible(viewer, id);
        Access.requireStaff(viewer);
        if (organisation.planId().value() != body.planId()) {
            Access.requireAdmin(viewer);
        }
        return OrganisationResponse.of(customers.updateOrganisation(organisation.id(), body.draft()));
    }

    /** An administrator moves an organisation to another plan; it takes effect at once, and this month's use stays. */
    @PutMapping("/{id}/plan")
    OrganisationResponse changePlan(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @Valid @RequestBody PlanChange body) {
        OrganisationSummary o = visible(viewer, id);
        Access.requireAdmin(viewer);
        return OrganisationResponse.of(customers.updateOrganisation(o.id(), new OrganisationDraft(o.name(),
                new PlanId(body.planId()), o.language(), o.calendarId(), o.emailDomains(), o.accountLeadId())));
    }

    /** The organisation's quota: staff see any, a customer its own. */
    @GetMapping("/{id}/quota")
    QuotaResponse quota(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @RequestParam(defaultValue = "12") @Min(1) @Max(60) int months) {
        OrganisationId organisation = visible(viewer, id).id();
        QuotaStatus s = quotas.status(organisation);
        return new QuotaResponse(organisation.value(), s.planId().value(), s.month().toString(), s.allowance(), s.used(),
                s.overQuota(), s.remaining(), s.policy(), s.renewsAt(), quotas.history(organisation, months));
    }

    @GetMapping("/{id}/contacts")
    PageResponse<ContactResponse> contacts(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        OrganisationId organisation = visible(viewer, id).id();
        return PageResponse.of(customers.contacts(organisation, page, size).stream().map(ContactResponse::of).toList(),
                page, size, customers.countContacts(organisation));
    }

    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ContactResponse> createContact(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @Valid @RequestBody ContactRequest body) {
        OrganisationId organisation = visible(viewer, id).id();
        Access.requireStaff(viewer);
        ContactDraft draft = body.draft();
        var created = customers.createContact(organisation, draft);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + created.id())).body(ContactResponse.of(created));
    }

    private OrganisationSummary visible(Viewer viewer, long id) {
        return Access.visible(viewer, customers.organisation(new OrganisationId(id)), OrganisationSummary::id, "organisation");
    }
}
