package org.atende.web.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.atende.customers.ContactId;
import org.atende.customers.ContactSummary;
import org.atende.customers.Language;
import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Actor;
import org.atende.identity.Availability;
import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.atende.identity.InvitationSummary;
import org.atende.identity.IssuedToken;
import org.atende.identity.Role;
import org.atende.identity.TokenDraft;
import org.atende.identity.TokenKind;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserDraft;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.atende.routing.Availabilities;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Users: leads list and read them; an administrator creates staff and customer users, changes roles and
 * teams, deactivates and reactivates, and sends invitations (a one-time link to set a password).
 */
@Controller
class UserPages {

    private static final int PAGE = 25;

    private final Identity identity;
    private final Customers customers;
    private final Availabilities availabilities;

    UserPages(Identity identity, Customers customers, Availabilities availabilities) {
        this.identity = identity;
        this.customers = customers;
        this.availabilities = availabilities;
    }

    /** A user as the table shows it. */
    record UserRow(UserSummary user, @Nullable String organisation, @Nullable String team, @Nullable InvitationSummary invitation) {
    }

    /** The new-user form as typed. */
    record UserForm(String email, String name, String role, String organisationId, String contactId, String teamId, boolean invite) {
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminAccess.lead(actor);
        int p = Math.max(0, page);
        Map<Long, String> organisations = new HashMap<>();
        Map<TeamId, String> teams = new HashMap<>();
        identity.teams().forEach(t -> teams.put(t.id(), t.name()));
        List<UserRow> rows = identity.users(p, PAGE).stream().map(u -> new UserRow(u,
                u.organisationId() == null ? null : organisations.computeIfAbsent(u.organisationId().value(),
                        id -> customers.organisation(new OrganisationId(id)).map(OrganisationSummary::name).orElse("#" + id)),
                u.teamId() == null ? null : teams.get(u.teamId()),
                identity.pendingInvitation(u.id()).orElse(null))).toList();
        long total = identity.countUsers();
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        model.addAttribute("pages", (total + PAGE - 1) / PAGE);
        model.addAttribute("hasNext", (long) (p + 1) * PAGE < total);
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String create(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.admin(actor);
        return newForm(model, new UserForm("", "", Role.AGENT.name(), "", "", "", true), new FieldErrors());
    }

    /** The contacts of an organisation as {@code <option>}s, for the new-user form (htmx). */
    @GetMapping("/admin/users/contacts")
    String contacts(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String organisationId, Model model) {
        AdminAccess.admin(actor);
        model.addAttribute("contacts", contactsOf(organisationId));
        model.addAttribute("contactId", "");
        return "admin/user-new :: contacts";
    }

    @PostMapping("/admin/users")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String organisationId, @RequestParam(defaultValue = "") String contactId,
            @RequestParam(defaultValue = "") String teamId, @RequestParam(defaultValue = "false") boolean invite, Model model,
            HttpServletResponse response) {
        AdminAccess.admin(actor);
        UserForm form = new UserForm(email, name, role, organisationId, contactId, teamId, invite);
        FieldErrors errors = new FieldErrors();
        Role r = Numbers.choice(Role.class, role, "role", errors);
        boolean customer = r == Role.CUSTOMER;
        // Staff have no organisation or contact, customers no team: what the form shows for the other kind is left out.
        Long org = !customer || organisationId.isBlank() ? null : Numbers.whole(organisationId, "organisationId", errors);
        Long contact = !customer || contactId.isBlank() ? null : Numbers.whole(contactId, "contactId", errors);
        Long team = customer || teamId.isBlank() ? null : Numbers.whole(teamId, "teamId", errors);
        if (errors.isEmpty()) {
            try {
                UserSummary created = identity.createUser(new UserDraft(email, name, r, org == null ? null : new OrganisationId(org),
                        contact == null ? null : new ContactId(contact), team == null ? null : new TeamId(team), true, null));
                if (invite) {
                    identity.invite(created.id(), actor.userId());
                    return "redirect:/admin/users/" + created.id().value() + "?invited";
                }
                return "redirect:/admin/users/" + created.id().value() + "?saved";
            } catch (IdentityDataException refused) {
                refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return newForm(model, form, errors);
    }

    @GetMapping("/admin/users/{id}")
    String user(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        return user(model, actor, find(id), new FieldErrors());
    }

    /** Role and team; a customer keeps its organisation and contact. */
    @PostMapping("/admin/users/{id}/role")
    String role(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String teamId, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        UserSummary u = find(id);
        FieldErrors errors = new FieldErrors();
        Role r = Numbers.choice(Role.class, role, "role", errors);
        Long team = r == Role.CUSTOMER || teamId.isBlank() ? null : Numbers.whole(teamId, "teamId", errors);
        if (errors.isEmpty()) {
            boolean staff = r != Role.CUSTOMER;
            return update(model, actor, u, new UserDraft(u.email(), u.name(), r, staff ? null : u.organisationId(),
                    staff ? null : u.contactId(), team == null ? null : new TeamId(team), u.active(), null), response);
        }
        response.setStatus(400);
        return user(model, actor, u, errors);
    }

    @PostMapping("/admin/users/{id}/active")
    String active(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam boolean active, Model model,
            HttpServletResponse response) {
        AdminAccess.admin(actor);
        UserSummary u = find(id);
        return update(model, actor, u, new UserDraft(u.email(), u.name(), u.role(), u.organisationId(), u.contactId(), u.teamId(),
                active, null), response);
    }

    @PostMapping("/admin/users/{id}/invitation")
    String invite(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        UserSummary u = find(id);
        try {
            identity.invite(u.id(), actor.userId());
            return "redirect:/admin/users/" + id + "?invited";
        } catch (IdentityDataException refused) {
            FieldErrors errors = new FieldErrors();
            refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            response.setStatus(409);
            return user(model, actor, u, errors);
        }
    }

    /**
     * A staff member's availability and languages; going away with {@code handBack} hands their unfinished tickets back to
     * the team queue (one timeline line each).
     */
    @PostMapping("/admin/users/{id}/availability")
    String availability(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam Availability availability,
            @RequestParam(defaultValue = "false") boolean handBack, @RequestParam(required = false) @Nullable List<Language> languages) {
        AdminAccess.admin(actor);
        UserSummary u = find(id);
        availabilities.speaks(u.id(), languages == null ? List.of() : languages, actor);
        var changed = availabilities.set(u.id(), availability, handBack, actor);
        return "redirect:/admin/users/" + id + "?saved" + (changed.handedBack() > 0 ? "&handedBack=" + changed.handedBack() : "");
    }

    private String update(Model model, Actor actor, UserSummary u, UserDraft draft, HttpServletResponse response) {
        try {
            identity.updateUser(u.id(), draft);
            return "redirect:/admin/users/" + u.id().value() + "?saved";
        } catch (IdentityDataException refused) {
            FieldErrors errors = new FieldErrors();
            refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            response.setStatus(refused.getStatusCode().value());
            return user(model, actor, u, errors);
        }
    }

    /**
     * Issues an API token for the user, of the kind chosen: an integration (new tickets record channel API)
     * or the vendor's app (channel APP). The secret is shown on this answer only, never stored.
     */
    @PostMapping("/admin/users/{id}/tokens")
    String issueToken(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "INTEGRATION") String kind, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        UserSummary u = find(id);
        FieldErrors errors = new FieldErrors();
        TokenKind k = Numbers.choice(TokenKind.class, kind, "kind", errors);
        if (errors.isEmpty() && k != null) {
            try {
                IssuedToken issued = identity.issueToken(u.id(), new TokenDraft(name, null, k));
                response.setHeader("Cache-Control", "no-store");
                model.addAttribute("issued", issued);
                return user(model, actor, u, errors);
            } catch (IdentityDataException refused) {
                refused.errors().forEach(e -> errors.add("token." + e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return user(model, actor, u, errors);
    }

    private UserSummary find(long id) {
        return identity.user(new UserId(id)).orElseThrow(() -> new NoSuchElementException("no user " + id));
    }

    private String user(Model model, Actor actor, UserSummary u, FieldErrors errors) {
        model.addAttribute("user", u);
        model.addAttribute("organisation", u.organisationId() == null ? null : customers.organisation(u.organisationId()).orElse(null));
        model.addAttribute("contact", u.contactId() == null ? null : customers.contact(u.contactId()).orElse(null));
        model.addAttribute("team", u.teamId() == null ? null : identity.team(u.teamId()).map(TeamSummary::name).orElse(null));
        model.addAttribute("invitation", identity.pendingInvitation(u.id()).orElse(null));
        model.addAttribute("teams", identity.teams());
        model.addAttribute("roles", u.role() == Role.CUSTOMER ? List.of(Role.CUSTOMER) : List.of(Role.AGENT, Role.LEAD, Role.ADMIN));
        model.addAttribute("mayManage", actor.isAdmin());
        model.addAttribute("routing", u.role().isStaff() ? availabilities.of(u.id(), actor) : null);
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("tokens", actor.isAdmin() ? identity.tokens(u.id()) : List.of());
        model.addAttribute("tokenKinds", TokenKind.values());
        model.addAttribute("errors", errors);
        return "admin/user";
    }

    private String newForm(Model model, UserForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", identity.teams());
        model.addAttribute("organisations", customers.organisations(0, 500));
        model.addAttribute("contacts", contactsOf(form.organisationId()));
        model.addAttribute("contactId", form.contactId());
        return "admin/user-new";
    }

    private List<ContactSummary> contactsOf(String organisationId) {
        try {
            return organisationId.isBlank() ? List.of() : customers.contacts(new OrganisationId(Long.parseLong(organisationId)), 0, 200);
        } catch (NumberFormatException e) {
            return List.of();
        }
    }
}
