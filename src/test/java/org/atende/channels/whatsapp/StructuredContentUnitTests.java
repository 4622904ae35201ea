package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Flow answers, orders and system notices as an agent reads them. */
class StructuredContentUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aFlowReplyMadeInMetasBuilderReadsAsFieldValueLines() {
        String text = StructuredContent.flowReply(JSON.readTree("""
                {"name":"flow","body":"Sent","response_json":"{\\"flow_token\\":\\"tok-9\\",\\"screen_0_Nome_0\\":\\"Ana\\",\
                \\"screen_0_Assunto_1\\":\\"1_Fatura_errada\\",\\"screen_1_Urgente_0\\":false,\\"screen_1_Produtos_1\\":[\\"0_Cafe\\",\\"2_Cha\\"]}"}"""));
        assertThat(text).isEqualTo("""
                📋 Form reply
                Nome: Ana
                Assunto: Fatura errada
                Urgente: ✘
                Produtos: Cafe, Cha""");
    }

    @Test
    void aHandWrittenFlowKeepsItsValuesAndFlattensNestedAnswers() {
        String text = StructuredContent.flowReply(JSON.readTree("""
                {"name":"booking","response_json":"{\\"appointment_date\\":\\"2026-12-01\\",\\"address\\":{\\"city\\":\\"Porto\\",\\"zip\\":\\"4000_001\\"}}"}"""));
        assertThat(text).contains("📋 Form reply (booking)", "Appointment date: 2026-12-01", "Address › City: Porto", "Address › Zip: 4000_001");
    }

    @Test
    void aFlowReplyWhoseJsonIsBrokenStillReachesTheTicket() {
        assertThat(StructuredContent.flowReply(JSON.readTree("{\"name\":\"flow\",\"response_json\":\"{not json\"}")))
                .contains("{not json");
    }

    @Test
    void anOrderListsItsItemsAmountsTotalAndNote() {
        String text = StructuredContent.order(JSON.readTree("""
                {"catalog_id":"987","text":"Entregar de manhã","product_items":[
                 {"product_retailer_id":"SKU-CAFE","quantity":"2","item_price":"12.50","currency":"EUR"},
                 {"product_retailer_id":"SKU-CHAVENA","quantity":6,"item_price":3.2,"currency":"EUR"}]}"""));
        assertThat(text).isEqualTo("""
                🛒 Order (catalogue 987)
                • SKU-CAFE × 2 at 12.50 EUR = 25.00 EUR
                • SKU-CHAVENA × 6 at 3.2 EUR = 19.20 EUR
                Total: 44.20 EUR
                Note: Entregar de manhã""");
    }

    @Test
    void aChangedNumberNamesBothNumbersOldOrNewShape() {
        assertThat(StructuredContent.NumberChange.of(JSON.readTree("""
                {"from":"351912345678","type":"system","system":{"type":"customer_changed_number","new_wa_id":"351913333333"}}""")))
                .contains(new StructuredContent.NumberChange("351912345678", "351913333333"));
        assertThat(StructuredContent.NumberChange.of(JSON.readTree("""
                {"from":"351912345678","type":"system","system":{"type":"user_changed_number","wa_id":"351913333333"}}""")))
                .contains(new StructuredContent.NumberChange("351912345678", "351913333333"));
        assertThat(StructuredContent.NumberChange.of(JSON.readTree("""
                {"from":"351912345678","type":"system","system":{"type":"customer_identity_changed"}}"""))).isEmpty();
    }
}
