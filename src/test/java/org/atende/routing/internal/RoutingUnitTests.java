package org.atende.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atende.customers.Language;
import org.atende.identity.AgentProfile;
import org.atende.identity.Availability;
import org.atende.identity.Role;
import org.atende.identity.TeamId;
import org.atende.identity.UserId;
import org.atende.routing.OpenWork;
import org.atende.routing.RoutingRule;
import org.atende.tickets.Channel;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pure parts of routing: words, conditions, the choice of an agent, the weights of open work. */
class RoutingUnitTests {

    static TicketFacts ticket(String subjectAndBody) {
        return new TicketFacts(Channel.EMAIL, 7, 3, TicketType.INCIDENT, "Faturação", Language.PT, Priority.HIGH, Set.of("vip", "norte"),
                Words.normalise(subjectAndBody));
    }

    static RoutingRule.Conditions words(String... words) {
        return new RoutingRule.Conditions(List.of(), null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(words));
    }

    @Nested
    class WordsAndConditions {

        @Test
        void wordsMatchWholeWithoutAccentsOrCase() {
            TicketFacts t = ticket("ERRO na Fatúra\\nNão consigo emitir a nota de crédito (urgente!)");
            assertThat(RuleMatcher.matches(words("fatura"), t)).isTrue();
            assertThat(RuleMatcher.matches(words("Nota de Credito"), t)).isTrue();
            assertThat(RuleMatcher.matches(words("urgente"), t)).isTrue();
            assertThat(RuleMatcher.matches(words("fat"), t)).as("not a part of a word").isFalse();
            assertThat(RuleMatcher.matches(words("faturação", "crédito nota"), t)).isFalse();
            assertThat(RuleMatcher.matches(words("  "), t)).as("a blank word matches nothing").isFalse();
        }

        @Test
        void everyConditionGivenMustHoldAndAnEmptyOneHoldsForAny() {
            TicketFacts t = ticket("x");
            assertThat(RuleMatcher.matches(RoutingRule.Conditions.any(), t)).isTrue();
            var all = new RoutingRule.Conditions(List.of(Channel.EMAIL, Channel.APP), 7L, 3L, List.of(TicketType.INCIDENT),
                    List.of("faturação"), List.of(Language.PT), List.of(Priority.HIGH, Priority.URGENT), List.of("norte"), List.of());
            assertThat(RuleMatcher.matches(all, t)).isTrue();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(Channel.PORTAL), null, null, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), 8L, null, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), null, 4L, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), null, null, List.of(), List.of("bulk_update"), List.of(),
                    List.of(), List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), null, null, List.of(), List.of(), List.of(Language.ES),
                    List.of(), List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), null, null, List.of(), List.of(), List.of(),
                    List.of(Priority.LOW), List.of(), List.of()), t)).isFalse();
            assertThat(RuleMatcher.matches(new RoutingRule.Conditions(List.of(), null, null, List.of(), List.of(), List.of(),
                    List.of(), List.of("sul"), List.of()), t)).isFalse();
        }
    }

    @Nested
    class Choosing {

        final AgentProfile ana = agent(11);
        final AgentProfile bea = agent(12);
        final AgentProfile caio = agent(15);

        @Test
        void roundRobinTakesTheNextAfterTheLastPickWrappingRound() {
            List<AgentProfile> team = List.of(caio, ana, bea);
            assertThat(AgentChooser.pick(team, null, null)).contains(ana);
            assertThat(AgentChooser.pick(team, 11L, null)).contains(bea);
            assertThat(AgentChooser.pick(team, 12L, null)).contains(caio);
            assertThat(AgentChooser.pick(team, 15L, null)).contains(ana);
            assertThat(AgentChooser.pick(team, 13L, null)).as("the last pick left the team").contains(caio);
            assertThat(AgentChooser.pick(List.of(), 13L, null)).isEmpty();
        }

        @Test
        void leastOpenWorkTakesTheLightestAndBreaksTiesInTurn() {
            List<AgentProfile> team = List.of(ana, bea, caio);
            assertThat(AgentChooser.pick(team, null, Map.of(ana.id(), 5, bea.id(), 2, caio.id(), 3))).contains(bea);
            assertThat(AgentChooser.pick(team, 11L, Map.of(ana.id(), 2, bea.id(), 4, caio.id(), 2))).contains(caio);
            assertThat(AgentChooser.pick(team, 15L, Map.of(ana.id(), 2, bea.id(), 4, caio.id(), 2))).contains(ana);
            assertThat(AgentChooser.pick(team, 15L, Map.of())).as("nobody has work: in turn").contains(ana);
        }

        @Test
        void openWorkWeighsUrgentEightHighFourMediumTwoLowOne() {
            assertThat(OpenWork.weigh(Map.of(Priority.URGENT, 1, Priority.HIGH, 1, Priority.MEDIUM, 1, Priority.LOW, 1))).isEqualTo(15);
            assertThat(OpenWork.weigh(Map.of(Priority.LOW, 7))).isEqualTo(7);
            assertThat(OpenWork.weigh(Map.of())).isZero();
        }

        private static AgentProfile agent(long id) {
            return new AgentProfile(new UserId(id), "Agent " + id, Role.AGENT, new TeamId(1), true, Availability.AVAILABLE, Set.of());
        }
    }
}
