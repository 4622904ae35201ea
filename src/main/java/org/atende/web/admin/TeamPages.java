package org.atende.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import org.atende.identity.Actor;
import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserDraft;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** Teams and their members: leads read; an administrator creates, renames and moves people between teams. */
@Controller
class TeamPages {

    private final Identity identity;

    TeamPages(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/admin/teams")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        AdminAccess.lead(actor);
        return list(model, "", TeamKind.FIRST_LINE.name(), new FieldErrors());
    }

    @PostMapping("/admin/teams")
    String create(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        FieldErrors errors = new FieldErrors();
        TeamKind k = Numbers.choice(TeamKind.class, kind, "kind", errors);
        if (errors.isEmpty()) {
            try {
                TeamSummary team = identity.createTeam(new TeamDraft(name, k));
                return "redirect:/admin/teams/" + team.id().value() + "?saved";
            } catch (IdentityDataException refused) {
                refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return list(model, name, kind, errors);
    }

    @GetMapping("/admin/teams/{id}")
    String team(@AuthenticationPrincipal Actor actor, @PathVariable long id, Model model) {
        AdminAccess.lead(actor);
        TeamSummary team = identity.team(new TeamId(id)).orElseThrow(NoSuchElementException::new);
        return team(model, team, team.name(), team.kind().name(), new FieldErrors());
    }

    @PostMapping("/admin/teams/{id}")
    String rename(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String kind, Model model, HttpServletResponse response) {
        AdminAccess.admin(actor);
        TeamSummary team = identity.team(new TeamId(id)).orElseThrow(NoSuchElementException::new);
        FieldErrors errors = new FieldErrors();
        TeamKind k = Numbers.choice(TeamKind.class, kind, "kind", errors);
        if (errors.isEmpty()) {
            try {
                identity.updateTeam(team.id(), new TeamDraft(name, k));
                return "redirect:/admin/teams/" + id + "?saved";
            } catch (IdentityDataException refused) {
                refused.errors().forEach(e -> errors.add(e.field(), e.message()));
            }
        }
        response.setStatus(400);
        return team(model, team, name, kind, errors);
    }

    /** Puts a staff user in this team (a user is in one team at most). */
    @PostMapping("/admin/teams/{id}/members")
    String add(@AuthenticationPrincipal Actor actor, @PathVariable long id, @RequestParam long userId) {
        AdminAccess.admin(actor);
        TeamSummary team = identity.team(new TeamId(id)).orElseThrow(NoSuchElementException::new);
        move(userId, team.id());
        return "redirect:/admin/teams/" + id + "?saved";
    }

    @PostMapping("/admin/teams/{id}/members/{userId}/remove")
    String remove(@AuthenticationPrincipal Actor actor, @PathVariable long id, @PathVariable long userId) {
        AdminAccess.admin(actor);
        identity.team(new TeamId(id)).orElseThrow(NoSuchElementException::new);
        move(userId, null);
        return "redirect:/admin/teams/" + id + "?saved";
    }

    private void move(long userId, @Nullable TeamId team) {
        UserSummary u = identity.user(new UserId(userId)).orElseThrow(NoSuchElementException::new);
        if (!u.role().isStaff()) {
            throw new IllegalArgumentException("only staff belong to teams");
        }
        identity.updateUser(u.id(), new UserDraft(u.email(), u.name(), u.role(), null, null, team, u.active(), null));
    }

    private String list(Model model, String name, String kind, FieldErrors errors) {
        List<UserSummary> staff = Staff.all(identity);
        List<TeamRow> rows = new ArrayList<>();
        for (TeamSummary t : identity.teams()) {
            rows.add(new TeamRow(t, staff.stream().filter(u -> t.id().equals(u.teamId())).count()));
        }
        model.addAttribute("teams", rows);
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("newName", name);
        model.addAttribute("newKind", kind);
        model.addAttribute("errors", errors);
        return "admin/teams";
    }

    record TeamRow(TeamSummary team, long members) {
    }

    private String team(Model model, TeamSummary team, String name, String kind, FieldErrors errors) {
        List<UserSummary> staff = Staff.all(identity);
        model.addAttribute("team", team);
        model.addAttribute("name", name);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", TeamKind.values());
        model.addAttribute("members", staff.stream().filter(u -> team.id().equals(u.teamId())).toList());
        model.addAttribute("others", staff.stream().filter(u -> !team.id().equals(u.teamId())).toList());
        model.addAttribute("errors", errors);
        return "admin/team";
    }
}
