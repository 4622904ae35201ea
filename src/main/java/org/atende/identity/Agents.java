package org.atende.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.atende.customers.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff as routing sees them: their availability (set by themselves and by administrators) and the languages
 * they speak. Customers have neither: setting them for a customer is refused.
 */
@Service
@Transactional
public class Agents {

    private static final String COLUMNS = "id, name, role, team_id, active, availability, languages";

    private final JdbcClient jdbc;

    Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A staff user's profile; empty for an unknown user or a customer. */
    @Transactional(readOnly = true)
    public Optional<AgentProfile> profile(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ? AND role <> 'CUSTOMER'").param(id.value())
                .query(Agents::row).optional();
    }

    /** The active staff of a team (agents and leads), by id: whom routing may give the team's tickets to. */
    @Transactional(readOnly = true)
    public List<AgentProfile> members(TeamId team) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE team_id = ? AND active AND role <> 'CUSTOMER' ORDER BY id")
                .param(team.value()).query(Agents::row).list();
    }

    public AgentProfile setAvailability(UserId id, Availability availability) {
        staff(id);
        jdbc.sql("UPDATE app_user SET availability = ? WHERE id = ?").params(availability.name(), id.value()).update();
        return profile(id).orElseThrow();
    }

    public AgentProfile setLanguages(UserId id, Collection<Language> languages) {
        staff(id);
        String text = languages.isEmpty() ? null
                : EnumSet.copyOf(languages).stream().map(Language::name).collect(Collectors.joining(","));
        jdbc.sql("UPDATE app_user SET languages = ? WHERE id = ?").params(text, id.value()).update();
        return profile(id).orElseThrow();
    }

    private void staff(UserId id) {
        String role = jdbc.sql("SELECT role FROM app_user WHERE id = ?").param(id.value()).query(String.class).optional()
                .orElseThrow(() -> new NoSuchElementException("No user " + id + "."));
        if (!Role.valueOf(role).isStaff()) {
            throw IdentityDataException.invalid(List.of(new IdentityDataException.FieldError("role",
                    "availability and languages are for staff only")));
        }
    }

    private static AgentProfile row(ResultSet rs, int n) throws SQLException {
        long team = rs.getLong("team_id");
        TeamId teamId = rs.wasNull() ? null : new TeamId(team);
        String languages = rs.getString("languages");
        Set<Language> spoken = languages == null || languages.isBlank() ? Set.of()
                : Arrays.stream(languages.split(",")).map(Language::valueOf).collect(Collectors.toUnmodifiableSet());
        return new AgentProfile(new UserId(rs.getLong("id")), rs.getString("name"), Role.valueOf(rs.getString("role")), teamId,
                rs.getBoolean("active"), Availability.valueOf(rs.getString("availability")), spoken);
    }
}
