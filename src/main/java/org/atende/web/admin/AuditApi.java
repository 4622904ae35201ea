package org.atende.web.admin;

import java.time.Instant;

import org.atende.audit.AuditKind;
import org.atende.audit.AuditLog;
import org.atende.audit.AuditPage;
import org.atende.audit.AuditQuery;
import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit log for administrators, newest first, filtered by {@code kind},
 * {@code userId} and a period ({@code from} inclusive, {@code to} exclusive, ISO-8601 instants), paged by
 * {@code page} (from 0) and {@code size} (1 to 200, default 50).
 */
@RestController
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    AuditPage list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable AuditKind kind,
            @RequestParam(required = false) @Nullable Long userId, @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!actor.isAdmin()) {
            throw Problem.forbidden("only an administrator may read the audit log");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw Problem.badRequest("page must be 0 or more and size between 1 and 200");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problem.badRequest("from must be before to");
        }
        return audit.find(new AuditQuery(kind, userId, from, to), page, size);
    }
}
