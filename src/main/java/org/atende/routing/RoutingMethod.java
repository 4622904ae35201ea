package org.atende.routing;

/**
 * How a rule's team gets the ticket: left in the team's queue ({@code NONE}), given to its available agents in
 * turn ({@code ROUND_ROBIN}), or to the available agent with the least open work ({@code LEAST_OPEN_WORK}, see
 * {@link OpenWork}).
 */
public enum RoutingMethod {
    NONE, ROUND_ROBIN, LEAST_OPEN_WORK;

    /** True when the method picks an agent (and so needs a team with members). */
    public boolean assigns() {
        return this != NONE;
    }
}
