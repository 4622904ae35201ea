package org.atende.customers.internal;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.Viewer;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One contact: staff read and change any; a customer reads those of its organisation. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private final Customers customers;

    ContactController(Customers customers) {
        this.customers = customers;
    }

    record ContactRequest(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 320) @Email(regexp = Rules.EMAIL, message = "must be an e-mail address such as ana@example.com") String email,
            @Nullable @Pattern(regexp = Rules.E164, message = "must be an E.164 number such as +351912345678") String phone,
            @NotNull Language language,
            @Nullable @Schema(description = "IANA time zone, e.g. Europe/Madrid; left out: unchanged", example = "Europe/Madrid")
            String timeZone) {

        ContactDraft draft() {
            return new ContactDraft(name, email, phone, language, timeZone);
        }
    }

    record ContactResponse(long id, long organisationId, String name, @Nullable String email, @Nullable String phone,
            Language language, String timeZone) {

        static ContactResponse of(ContactSummary c) {
            return new ContactResponse(c.id().value(), c.organisationId().value(), c.name(), c.email(), c.phone(),
                    c.language(), c.timeZone().getId());
        }
    }

    @GetMapping("/{id}")
    ContactResponse get(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return ContactResponse.of(visible(viewer, id));
    }

    @PutMapping("/{id}")
    ContactResponse update(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
            @Valid @RequestBody ContactRequest body) {
        ContactSummary contact = visible(viewer, id);
        Access.requireStaff(viewer);
        return ContactResponse.of(customers.updateContact(contact.id(), body.draft()));
    }

    private ContactSummary visible(Viewer viewer, long id) {
        return Access.visible(viewer, customers.contact(new ContactId(id)), ContactSummary::organisationId, "contact");
    }
}
