package org.atende.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.atende.customers.CustomerDataException;
import org.atende.customers.CustomerDataException.FieldError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesUnitTests {

    Problems problems = new Problems();

    @Nested
    class PhoneNumbers {

        @Test
        void keepAnE164Number() {
            assertThat(Rules.phone("+351912345678", "phone", problems)).isEqualTo("+351912345678");
            assertThat(problems.isEmpty()).isTrue();
        }

        @Test
        void dropSpacesDotsDashesAndBrackets() {
            assertThat(Rules.phone(" +351 (912) 345-67.8 ", "phone", problems)).isEqualTo("+351912345678");
            assertThat(problems.isEmpty()).isTrue();
        }

        @Test
        void mayBeAbsent() {
            assertThat(Rules.phone(null, "phone", problems)).isNull();
            assertThat(Rules.phone("  ", "phone", problems)).isNull();
            assertThat(problems.isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = { "912345678", "00351912345678", "+0351912345678", "+3519123456789012", "+351 91x", "+" })
        void mustBeE164(String phone) {
            Rules.phone(phone, "phone", problems);

            assertThat(problems.isEmpty()).isFalse();
        }
    }

    @Nested
    class Domains {

        @Test
        void areLowerCasedWithoutALeadingAt() {
            assertThat(Rules.domain(" @Mail.ACME.example ", "d", problems)).isEqualTo("mail.acme.example");
            assertThat(Rules.domain("xn--bcher-kva.example", "d", problems)).isEqualTo("xn--bcher-kva.example");
            assertThat(problems.isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = { "localhost", "acme..example", "-acme.example", "acme.example.", "a b.example", "acme.123", "" })
        void mustBeDomainNames(String domain) {
            Rules.domain(domain, "d", problems);

            assertThat(problems.isEmpty()).isFalse();
        }
    }

    @Nested
    class Emails {

        @Test
        void areLowerCased() {
            assertThat(Rules.email(" Ana.Silva@ACME.example ", "email", problems)).isEqualTo("ana.silva@acme.example");
        }

        @Test
        void mayHaveADomainOfOneLabel() { // an intranet's mail: RFC 5321 allows it, and such mail comes in
            assertThat(Rules.email("ops@intranet", "email", problems)).isEqualTo("ops@intranet");
            assertThat(problems.isEmpty()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = { "ana", "ana@", "@acme.example", "ana@acme.", "ana@.acme", "ana silva@acme.example" })
        void mustBeAddresses(String email) {
            Rules.email(email, "email", problems);

            assertThat(problems.isEmpty()).isFalse();
        }
    }

    @Test
    void refusesWithEveryFieldAtFault() {
        Rules.text(" ", "name", 10, problems);
        Rules.text("x".repeat(11), "title", 10, problems);
        Rules.email("nope", "email", problems);

        assertThatExceptionOfType(CustomerDataException.class).isThrownBy(problems::throwIfInvalid)
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "title", "email"))
                .satisfies(e -> assertThat(e.getBody().getType().toString()).isEqualTo("https://atende.example/problems/validation"));
    }
}
