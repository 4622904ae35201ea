package org.atende.web.admin;

import java.util.List;
import java.util.NoSuchElementException;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.privacy.ErasureReport;
import org.atende.privacy.Erasures;
import org.atende.privacy.OrganisationExports;
import org.atende.privacy.PrivacyProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An organisation's personal data, for administrators: its contacts, each of which can be erased after a
 * confirmation page that says what goes and what stays, and the export of everything as a ZIP file, after
 * a confirmation page too. Both land on the audit log.
 */
@Controller
class PersonalDataPages {

    private static final int PAGE = 50;

    private final Customers customers;
    private final Erasures erasures;
    private final OrganisationExports exports;

    PersonalDataPages(Customers customers, Erasures erasures, OrganisationExports exports) {
        this.customers = customers;
        this.erasures = erasures;
        this.exports = exports;
    }

    /** A contact as the list shows it. */
    record ContactRow(ContactSummary contact, boolean erased) {
    }

    @GetMapping("/admin/organisations/{id}/data")
    String data(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminAccess.admin(actor);
        OrganisationSummary organisation = organisation(id);
        int p = Math.max(0, page);
        List<ContactRow> rows = customers.contacts(organisation.id(), p, PAGE).stream()
                .map(c -> new ContactRow(c, customers.erasedAt(c.id()).isPresent())).toList();
        model.addAttribute("organisation", organisation);
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE < customers.countContacts(organisation.id()));
        return "admin/personal-data";
    }

    @GetMapping("/admin/contacts/{id}/erase")
    String confirmErasure(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.admin(actor);
        ContactSummary contact = customers.contact(new ContactId(id)).orElseThrow(NoSuchElementException::new);
        model.addAttribute("contact", contact);
        model.addAttribute("organisation", organisation(contact.organisationId().value()));
        model.addAttribute("erased", customers.erasedAt(contact.id()).isPresent());
        model.addAttribute("confirmWord", PrivacyProblems.ERASE);
        return "admin/contact-erase";
    }

    @PostMapping("/admin/contacts/{id}/erase")
    String erase(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String confirm,
            RedirectAttributes redirect) {
        AdminAccess.admin(actor);
        ErasureReport report = erasures.erase(new ContactId(id), confirm, actor);
        // flash attributes live in the session, in the database: plain serialisable values only
        redirect.addFlashAttribute("erasedContact", report.contactId());
        redirect.addFlashAttribute("erasedCounts", new java.util.TreeMap<>(report.erased()));
        return "redirect:/admin/organisations/" + report.organisationId() + "/data?erased";
    }

    @GetMapping("/admin/organisations/{id}/export")
    String confirmExport(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.admin(actor);
        OrganisationSummary organisation = organisation(id);
        model.addAttribute("organisation", organisation);
        model.addAttribute("contacts", customers.countContacts(organisation.id()));
        model.addAttribute("confirmWord", PrivacyProblems.EXPORT);
        return "admin/organisation-export";
    }

    @PostMapping("/admin/organisations/{id}/export")
    void export(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String confirm,
            HttpServletResponse response) throws java.io.IOException {
        AdminAccess.admin(actor);
        exports.start(new OrganisationId(id), confirm, actor).send(response);
    }

    private OrganisationSummary organisation(long id) {
        return customers.organisation(new OrganisationId(id)).orElseThrow(NoSuchElementException::new);
    }
}
