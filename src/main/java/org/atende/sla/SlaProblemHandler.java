package org.atende.sla;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders sla's errors ({@code ErrorResponseException}, unreadable bodies, unknown methods) as
 * {@code application/problem+json}, for sla's controllers only; the web module owns the rest.
 */
@RestControllerAdvice(assignableTypes = {SlaPolicyController.class, StoredCalendarController.class,
        EscalationRuleController.class})
class SlaProblemHandler extends ResponseEntityExceptionHandler {
}
