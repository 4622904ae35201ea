package org.atende.routing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One row per team: whom the team's last ticket went to. Routing locks it ({@code SELECT … FOR UPDATE}) just before
 * it weighs the team's agents and assigns, and holds it until its transaction ends, so two instances choosing for one
 * team at once take turns: the second sees the first's pick and its assignment, and round robin stays fair.
 */
@Component
public class RoutingCursors {

    private final JdbcClient jdbc;
    private final Clock clock;

    RoutingCursors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Makes sure a team has its row; rules and settings call it when they name a team, so that routing finds it (two
     * routings creating the same row at once would have one of them fail, and be retried).
     */
    public void ensure(TeamId team) {
        if (jdbc.sql("SELECT COUNT(*) FROM routing_cursor WHERE team_id = ?").param(team.value()).query(Integer.class).single() == 0) {
            jdbc.sql("INSERT INTO routing_cursor (team_id, assigned) VALUES (?, 0)").param(team.value()).update();
        }
    }

    /** Locks the team's row until the transaction ends; answers whom its last ticket went to. */
    @Nullable Long lock(TeamId team) {
        Optional<Long> last = lockRow(team);
        if (last.isEmpty()) { // a team named before cursors existed: make its row, then lock it
            ensure(team);
            last = lockRow(team);
        }
        long id = last.orElseThrow();
        return id < 0 ? null : id;
    }

    /** The team's last pick (-1: none yet), its row locked; empty when the team has no row. */
    private Optional<Long> lockRow(TeamId team) {
        return jdbc.sql("SELECT last_user_id FROM routing_cursor WHERE team_id = ? FOR UPDATE").param(team.value())
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? -1L : id;
                }).optional();
    }

    /** The team gave {@code count} tickets, the last of them to {@code picked}. */
    void advance(TeamId team, UserId picked, int count) {
        jdbc.sql("UPDATE routing_cursor SET last_user_id = ?, assigned = assigned + ?, updated_at = ? WHERE team_id = ?")
                .params(picked.value(), count, Timestamp.from(clock.instant()), team.value()).update();
    }
}
