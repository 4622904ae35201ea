package org.atende.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.atende.support.Api.Answer;
import org.atende.support.ApiIntegrationSupport;
import org.junit.jupiter.api.Test;

/** A contact's time zone through the contacts API: from the number on creation, then as staff set it. */
class ContactTimeZoneApiIntegrationTests extends ApiIntegrationSupport {

    @Test
    void aNewContactGetsTheZoneOfItsNumbersCountryElseTheSupportZone() {
        long organisation = createOrganisation();
        Answer spanish = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Lucía Romero", "email", unique("lucia") + "@cliente.es", "phone", "+34611222333", "language", "ES"));
        Answer brazilian = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Bruno Lima", "email", unique("bruno") + "@cliente.br", "phone", "+5592987654321", "language", "PT"));
        Answer noPhone = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Sem Telefone", "email", unique("sem") + "@cliente.pt", "language", "PT"));

        assertThat(spanish.json().path("timeZone").asString()).isEqualTo("Europe/Madrid");
        assertThat(brazilian.json().path("timeZone").asString()).isEqualTo("America/Manaus");
        assertThat(noPhone.json().path("timeZone").asString()).isEqualTo("Europe/Lisbon");
    }

    @Test
    void staffSetTheZoneAndAReplacementWithoutOneKeepsIt() {
        long organisation = createOrganisation();
        Answer created = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Ana Ilhas", "email", unique("ana") + "@cliente.es", "phone", "+34611222334", "language", "ES",
                        "timeZone", "Atlantic/Canary"));
        assertThat(created.json().path("timeZone").asString()).as("she lives in Tenerife; the mobile cannot tell")
                .isEqualTo("Atlantic/Canary");

        Map<String, Object> body = new HashMap<>(api.get("/api/v1/contacts/" + created.id(), admin).fields("id", "organisationId"));
        body.put("timeZone", "Europe/Madrid");
        assertThat(api.put("/api/v1/contacts/" + created.id(), admin, body).json().path("timeZone").asString()).isEqualTo("Europe/Madrid");
        body.remove("timeZone");
        body.put("name", "Ana Ilhas Romero");
        api.put("/api/v1/contacts/" + created.id(), admin, body);
        assertThat(api.get("/api/v1/contacts/" + created.id(), admin).json().path("timeZone").asString()).isEqualTo("Europe/Madrid");
    }

    @Test
    void aZoneThatIsNotAnIanaIdIsRefusedByField() {
        long organisation = createOrganisation();
        Answer refused = api.post("/api/v1/organisations/" + organisation + "/contacts", admin,
                Map.of("name", "Rui", "email", unique("rui") + "@cliente.pt", "language", "PT", "timeZone", "GMT+1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList()).containsExactly("timeZone");
    }
}
