package org.atende.channels.portal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.atende.customers.OrganisationId;
import org.atende.customers.QuotaExhaustedException;
import org.atende.customers.QuotaStatus;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.tickets.Attachments;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.TechnicalServiceCategory;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A new request: support (counts against the monthly allowance) or technical service (quoted, never
 * counts). When the plan refuses tickets past the allowance and it is used up, the page says so before
 * the form and offers technical service instead; a refusal on submit (another ticket took the last unit
 * meanwhile) shows the same notice.
 */
@Controller
class NewRequestPage {

    private final Tickets tickets;
    private final Attachments attachments;
    private final Quotas quotas;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    NewRequestPage(Tickets tickets, Attachments attachments, Quotas quotas, MessageSource messages,
            PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.quotas = quotas;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** What the customer wrote, to show the form again as it was. */
    record Draft(String kind, String category, String subject, String description, String priority) {

        static Draft empty(String kind) {
            return new Draft(kind, "", "", "", "");
        }

        public boolean technical() {
            return "technical".equals(kind);
        }
    }

    /** The used-up allowance the notice reports. */
    record Exhausted(int allowance, int used, java.time.Instant renewsAt) {
    }

    @GetMapping("/portal/tickets/new")
    String form(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) @Nullable String kind, Model model) {
        OrganisationId org = PortalAccess.organisationOf(actor);
        QuotaStatus quota = quotas.status(org);
        Exhausted exhausted = PortalHome.refusesNow(quota)
                ? new Exhausted(quota.allowance(), quota.used(), quota.renewsAt()) : null;
        String chosen = "technical".equals(kind) || exhausted != null ? "technical" : "support";
        return render(model, Draft.empty(chosen), exhausted, null);
    }

    @PostMapping("/portal/tickets")
    String open(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "support") String kind,
            @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String priority,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model, Locale locale) {
        OrganisationId org = PortalAccess.organisationOf(actor);
        Draft draft = new Draft("technical".equals(kind) ? "technical" : "support", category, subject.strip(),
                description.strip(), priority);
        String error = validate(draft, locale);
        if (error != null) {
            return render(model, draft, exhausted(org), error);
        }
        TicketType type = draft.technical() ? TicketType.TECHNICAL_SERVICE : TicketType.QUESTION;
        String cat = draft.technical() ? TechnicalServiceCategory.of(draft.category()).orElse(TechnicalServiceCategory.OTHER).code() : null;
        Priority suggested = draft.technical() || draft.priority().isBlank() ? null : Priority.valueOf(draft.priority());
        try {
            TicketView opened = transactions.execute(tx -> {
                TicketView t = tickets.open(new OpenTicket(null, null, Channel.PORTAL, draft.subject(), draft.description(),
                        type, cat, suggested, Set.of()), actor);
                List<MultipartFile> present = PortalFiles.present(files);
                if (!present.isEmpty()) { // a request without files is the ticket's one transaction and nothing more
                    long first = tickets.messages(t.id(), actor).getFirst().id();
                    for (MultipartFile file : present) {
                        attachments.attach(t.id(), first, PortalFiles.name(file), PortalFiles.type(file), PortalFiles.bytes(file),
                                actor);
                    }
                }
                return t;
            });
            return "redirect:/portal/tickets/" + opened.number() + "?created";
        } catch (QuotaExhaustedException refused) {
            return render(model, Draft.empty("technical"),
                    new Exhausted(refused.allowance(), refused.used(), refused.renewsAt()), null);
        } catch (ErrorResponseException refused) {
            return render(model, draft, exhausted(org), PortalFiles.reason(refused, messages, locale));
        }
    }

    /** The allowance spent, when it refuses new requests now (read only to show the form again). */
    private @Nullable Exhausted exhausted(OrganisationId org) {
        QuotaStatus quota = quotas.status(org);
        return PortalHome.refusesNow(quota) ? new Exhausted(quota.allowance(), quota.used(), quota.renewsAt()) : null;
    }

    private @Nullable String validate(Draft draft, Locale locale) {
        if (draft.subject().isEmpty() || draft.subject().length() > 300) {
            return messages.getMessage("portal.new.subject.required", null, locale);
        }
        if (draft.description().isEmpty()) {
            return messages.getMessage("portal.new.description.required", null, locale);
        }
        if (draft.technical() && TechnicalServiceCategory.of(draft.category()).isEmpty()) {
            return messages.getMessage("portal.new.category.required", null, locale);
        }
        if (!draft.technical() && !draft.priority().isBlank()
                && java.util.Arrays.stream(Priority.values()).noneMatch(p -> p.name().equals(draft.priority()))) {
            return messages.getMessage("portal.new.priority.invalid", null, locale);
        }
        return null;
    }

    private String render(Model model, Draft draft, @Nullable Exhausted exhausted, @Nullable String error) {
        model.addAttribute("draft", draft);
        model.addAttribute("exhausted", exhausted);
        model.addAttribute("formError", error);
        model.addAttribute("categories", TechnicalServiceCategory.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("guided", !draft.technical()); // help articles answer support questions, not database work
        return "portal/new-request";
    }
}
