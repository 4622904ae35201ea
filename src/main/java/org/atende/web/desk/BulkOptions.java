package org.atende.web.desk;

import java.util.Arrays;
import java.util.List;

import org.atende.identity.TeamSummary;
import org.atende.identity.UserSummary;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;

/** The choices of the queue's bulk toolbar: whom to assign, which team, and the statuses a ticket can move to. */
public record BulkOptions(List<UserSummary> staff, List<TeamSummary> teams, List<TicketStatus> statuses,
        List<Priority> priorities, List<TicketType> types, int limit) {

    static BulkOptions of(Names names) {
        return new BulkOptions(names.staff(), names.teams(),
                Arrays.stream(TicketStatus.values()).filter(s -> s != TicketStatus.NEW).toList(), // nothing returns to NEW
                List.of(Priority.values()), List.of(TicketType.values()), org.atende.tickets.TicketBulk.LIMIT);
    }
}
