package org.atende.identity.internal;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.atende.identity.TeamDraft;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and finds teams; behind {@link org.atende.identity.Identity}. */
@Service
@Transactional
public class Teams {

    private final TeamRepository teams;

    Teams(TeamRepository teams) {
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public Optional<TeamSummary> find(TeamId id) {
        return teams.findById(id.value()).map(Team::summary);
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> all() {
        return teams.findAllByName().stream().map(Team::summary).toList();
    }

    public TeamSummary create(TeamDraft draft) {
        String name = validate(draft, -1);
        return save(new Team(null, name, draft.kind())).summary();
    }

    public TeamSummary replace(TeamId id, TeamDraft draft) {
        Team team = teams.findById(id.value()).orElseThrow(() -> new NoSuchElementException("No team " + id + "."));
        team.replace(validate(draft, id.value()), draft.kind());
        return save(team).summary();
    }

    private String validate(TeamDraft draft, long self) {
        Problems problems = new Problems();
        String name = Problems.text(draft.name(), "name", 120, problems);
        if (draft.kind() == null) {
            problems.add("kind", "must be one of FIRST_LINE, SECOND_LINE, ENGINEERING");
        }
        problems.throwIfInvalid();
        if (teams.nameTaken(name, self)) {
            problems.add("name", "is already used by another team");
        }
        problems.throwIfConflicting();
        return name;
    }

    private Team save(Team team) {
        try {
            return teams.save(team);
        } catch (DuplicateKeyException e) { // a concurrent write took the name
            throw Problems.conflict("name", "is already used by another team");
        }
    }
}
