package org.atende.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.atende.identity.Role;
import org.atende.identity.UserId;
import org.atende.identity.UserSummary;
import org.junit.jupiter.api.Test;

class MentionsUnitTests {

    static UserSummary staff(long id, String email, String name, Role role, boolean active) {
        return new UserSummary(new UserId(id), email, name, role, null, null, null, active, null);
    }

    static final UserSummary INES = staff(1, "ines@atende.example", "Inês Duarte", Role.AGENT, true);
    static final UserSummary TIAGO = staff(2, "tiago.moreira@atende.example", "Tiago Moreira", Role.AGENT, true);
    static final UserSummary RUI = staff(3, "lead@atende.example", "Rui Lead", Role.LEAD, true);
    static final UserSummary GONE = staff(4, "owen@atende.example", "Owen Hughes", Role.AGENT, false);
    static final UserSummary ANA_ONE = staff(5, "ana.silva@atende.example", "Ana Silva", Role.AGENT, true);
    static final UserSummary ANA_TWO = staff(6, "ana.costa@atende.example", "Ana Costa", Role.ADMIN, true);
    static final List<UserSummary> STAFF = List.of(INES, TIAGO, RUI, GONE, ANA_ONE, ANA_TWO);

    @Test
    void findsMentionsByAddressFirstNameOrWholeName() {
        var found = Mentions.find("@ines podes ver? E @Tiago. Cc @rui.lead, @lead e @ana.silva", STAFF);

        assertThat(found).extracting(m -> m.user().id().value()).containsExactly(1L, 2L, 3L, 3L, 5L);
        assertThat(found).extracting(Mentions.Mention::word).containsExactly("ines", "Tiago", "rui.lead", "lead", "ana.silva");
    }

    @Test
    void ignoresAccentsAndCaseAndTrailingPunctuation() {
        assertThat(Mentions.find("Obrigado @INÊS.", STAFF)).singleElement().satisfies(m -> {
            assertThat(m.user()).isEqualTo(INES);
            assertThat(m.word()).isEqualTo("INÊS");
        });
    }

    @Test
    void leavesUnknownAmbiguousInactiveAndAddressesAsText() {
        assertThat(Mentions.find("@nobody @ana @owen escreve para ana@cliente.pt ou x@ines", STAFF)).isEmpty();
    }

    @Test
    void cutsANoteIntoTextAndMentions() {
        var segments = Mentions.segments("Vê isto @ines e @ninguém, obrigado", STAFF);

        assertThat(segments).extracting(Mentions.Segment::text).containsExactly("Vê isto ", "@ines", " e @ninguém, obrigado");
        assertThat(segments).extracting(Mentions.Segment::mention).containsExactly(false, true, false);
        assertThat(String.join("", segments.stream().map(Mentions.Segment::text).toList())).isEqualTo("Vê isto @ines e @ninguém, obrigado");
    }

    @Test
    void mentionsWithTheAddressLocalPart() {
        assertThat(Mentions.handle(TIAGO)).isEqualTo("tiago.moreira");
    }
}
