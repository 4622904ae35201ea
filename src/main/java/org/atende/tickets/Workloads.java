package org.atende.tickets;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents have on their plate, for routing (the desk's own reads, not a user's): their tickets by status and
 * priority, and whether a person changed a ticket's owner.
 */
@Service
@Transactional(readOnly = true)
public class Workloads {

    /** Tickets still to be finished: what an agent going away can hand back. */
    static final List<String> UNFINISHED = List.of(TicketStatus.NEW.name(), TicketStatus.OPEN.name(),
            TicketStatus.WAITING_ON_CUSTOMER.name(), TicketStatus.ON_HOLD.name());

    private final JdbcClient jdbc;

    Workloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** For each agent, how many tickets in {@code statuses} are assigned to them, by priority (agents with none included). */
    public Map<UserId, Map<Priority, Integer>> assignedByPriority(Collection<UserId> agents, Set<TicketStatus> statuses) {
        Map<UserId, Map<Priority, Integer>> found = new HashMap<>();
        agents.forEach(a -> found.put(a, new EnumMap<>(Priority.class)));
        if (agents.isEmpty() || statuses.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT assignee_id, priority, COUNT(*) AS n FROM ticket WHERE assignee_id IN (:agents) AND status IN (:statuses) "
                        + "GROUP BY assignee_id, priority")
                .param("agents", agents.stream().map(UserId::value).toList())
                .param("statuses", statuses.stream().map(TicketStatus::name).toList())
                .query((rs, n) -> {
                    found.get(new UserId(rs.getLong("assignee_id"))).put(Priority.valueOf(rs.getString("priority")), rs.getInt("n"));
                    return null;
                }).list();
        return found;
    }

    /** How many tickets new, open, waiting on the customer or on hold are assigned to an agent. */
    public int unfinishedAssignedTo(UserId agent) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE assignee_id = :agent AND status IN (:statuses)")
                .param("agent", agent.value()).param("statuses", UNFINISHED).query(Integer.class).single();
    }

    /**
     * True when the ticket's current owner was chosen by a person: the latest change of its assignee or team was made
     * by a user (an agent's change or escalation), not by the desk (routing, escalation rules). Handing a ticket back
     * to its team's queue is not a choice of owner.
     */
    public boolean ownerSetByHand(TicketId ticket) {
        return jdbc.sql("SELECT actor_user_id FROM timeline_event WHERE ticket_id = ? AND field IN ('assignee', 'team', 'owner') "
                        + "AND kind <> 'HANDED_BACK' ORDER BY id DESC LIMIT 1")
                .param(ticket.value()).query((rs, n) -> {
                    rs.getLong(1);
                    return !rs.wasNull();
                }).optional().orElse(false);
    }
}
