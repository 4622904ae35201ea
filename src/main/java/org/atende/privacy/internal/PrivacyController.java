package org.atende.privacy.internal;

import java.io.IOException;

import org.atende.customers.ContactId;
import org.atende.customers.OrganisationId;
import org.atende.identity.Actor;
import org.atende.privacy.ErasureReport;
import org.atende.privacy.Erasures;
import org.atende.privacy.OrganisationExport;
import org.atende.privacy.OrganisationExports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The personal-data API, for administrators: {@code POST /api/v1/contacts/{id}/erasure} and
 * {@code POST /api/v1/organisations/{id}/export}, each with {@code {"confirm": "ERASE"}} (resp.
 * {@code "EXPORT"}) in the body; without it, 400 {@code confirmation-required}.
 */
@RestController
class PrivacyController {

    /** The confirmation word of a personal-data request. */
    record Confirmation(@Nullable String confirm) {
    }

    private final Erasures erasures;
    private final OrganisationExports exports;

    PrivacyController(Erasures erasures, OrganisationExports exports) {
        this.erasures = erasures;
        this.exports = exports;
    }

    /** Erases a contact's personal data (irreversible); answers what was erased, by kind. */
    @PostMapping("/api/v1/contacts/{id}/erasure")
    ErasureReport erase(@AuthenticationPrincipal Actor actor, @PathVariable long id,
            @RequestBody(required = false) @Nullable Confirmation body) {
        return erasures.erase(new ContactId(id), body == null ? null : body.confirm(), actor);
    }

    /** An organisation's tickets, public messages, attachments and contacts as a ZIP file. */
    @PostMapping(path = "/api/v1/organisations/{id}/export", produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    void export(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestBody(required = false) @Nullable Confirmation body,
            HttpServletResponse response) throws IOException {
        OrganisationExport export = exports.start(new OrganisationId(id), body == null ? null : body.confirm(), actor);
        export.send(response);
    }
}
