package org.atende.satisfaction;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.atende.customers.Customers;
import org.atende.customers.OrganisationId;
import org.atende.customers.OrganisationSummary;
import org.atende.identity.Identity;
import org.atende.identity.TeamId;
import org.atende.identity.TeamSummary;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction by month, agent, team, organisation or channel, counted from the survey table itself (each rating
 * is one row, written once), so every figure adds up to the ratings listed on the tickets. A rating counts in the
 * month it was given (support time zone); its agent, team and organisation are the ticket's when it was resolved,
 * its channel the ticket's.
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionReports {

    /** How the ratings are grouped. */
    public enum By {
        MONTH("rated_month"), AGENT("agent_id"), TEAM("team_id"), ORGANISATION("organisation_id"), CHANNEL("ticket_channel");

        private final String column;

        By(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final Identity identity;
    private final Customers customers;

    SatisfactionReports(JdbcClient jdbc, Identity identity, Customers customers) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.customers = customers;
    }

    /** Ratings given from {@code from} to {@code to} (months, both included), optionally of one organisation. */
    public List<SatisfactionFigures> by(By by, YearMonth from, YearMonth to, @Nullable OrganisationId organisation) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        String sql = "SELECT " + by.column + " AS grp, COUNT(*) AS rated, SUM(CASE WHEN rating = 'GOOD' THEN 1 ELSE 0 END) AS good, "
                + "SUM(CASE WHEN comment IS NULL THEN 0 ELSE 1 END) AS comments FROM satisfaction_survey "
                + "WHERE rating IS NOT NULL AND rated_month >= ? AND rated_month <= ?"
                + (organisation == null ? "" : " AND organisation_id = ?") + " GROUP BY " + by.column + " ORDER BY " + by.column;
        var statement = jdbc.sql(sql).param(from.toString()).param(to.toString());
        if (organisation != null) {
            statement = statement.param(organisation.value());
        }
        record Row(@Nullable String key, long rated, long good, long comments) {
        }
        List<Row> rows = statement.query((rs, n) -> new Row(rs.getString("grp"), rs.getLong("rated"), rs.getLong("good"),
                rs.getLong("comments"))).list();
        List<SatisfactionFigures> figures = new ArrayList<>();
        for (Row r : rows) {
            String key = r.key() == null ? "" : r.key();
            figures.add(SatisfactionFigures.of(key, label(by, key), r.rated(), r.good(), r.comments()));
        }
        return figures;
    }

    /** One organisation's ratings of one month (its monthly report). */
    public SatisfactionFigures month(OrganisationId organisation, YearMonth month) {
        return by(By.MONTH, month, month, organisation).stream().findFirst()
                .orElse(SatisfactionFigures.of(month.toString(), month.toString(), 0, 0, 0));
    }

    private String label(By by, String key) {
        if (key.isEmpty()) {
            return "—";
        }
        return switch (by) {
            case MONTH -> key;
            case CHANNEL -> key.toLowerCase(Locale.ROOT);
            case AGENT -> identity.user(new UserId(Long.parseLong(key))).map(UserSummary::name).orElse("#" + key);
            case TEAM -> identity.team(new TeamId(Long.parseLong(key))).map(TeamSummary::name).orElse("#" + key);
            case ORGANISATION -> customers.organisation(new OrganisationId(Long.parseLong(key))).map(OrganisationSummary::name)
                    .orElse("#" + key);
        };
    }
}
