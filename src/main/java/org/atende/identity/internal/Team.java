package org.atende.identity.internal;

import org.atende.identity.TeamId;
import org.atende.identity.TeamKind;
import org.atende.identity.TeamSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A team of agents: first line, second line or engineering. */
@Table("team")
class Team {

    @Id
    @Column("id")
    private @Nullable Long id;

    @Column("name")
    private String name;

    @Column("kind")
    private TeamKind kind;

    @PersistenceCreator
    Team(@Nullable Long id, String name, TeamKind kind) {
        this.id = id;
        this.name = name;
        this.kind = kind;
    }

    void replace(String name, TeamKind kind) {
        this.name = name;
        this.kind = kind;
    }

    TeamSummary summary() {
        return new TeamSummary(new TeamId(id), name, kind);
    }
}
