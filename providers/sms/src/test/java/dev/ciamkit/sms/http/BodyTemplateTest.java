package dev.ciamkit.sms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.sms.spi.SmsException;
import org.junit.jupiter.api.Test;

class BodyTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER = "+821012345678";

    @Test
    void values_with_quotes_backslashes_dollars_and_placeholders_stay_values() throws Exception {
        String text = "a \"quote\" \\ back $1 ${x} {{number}} }, \"x\":\"y";
        BodyTemplate template = BodyTemplate.of(BodyTemplate.Format.JSON, null);

        JsonNode body = JSON.readTree(template.render(NUMBER, text, "$0"));

        assertThat(body.get("text").asText()).isEqualTo(text);
        assertThat(body.get("from").asText()).isEqualTo("$0");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void a_placeholder_outside_a_string_or_a_second_json_value_is_a_configuration_error() {
        for (String bad : new String[] {"{\"to\": {{number}}}", "{\"to\":\"{{number}}\"} {\"x\":1}", "to={{number}}"}) {
            assertThatThrownBy(
                            () -> BodyTemplate.of(BodyTemplate.Format.JSON, bad).render(NUMBER, "t", "s"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            SmsException.class,
                            e -> assertThat(e.reason()).isEqualTo(SmsException.Reason.NOT_CONFIGURED));
        }
    }

    @Test
    void nested_templates_fill_every_string_and_keep_numbers() throws Exception {
        BodyTemplate template = BodyTemplate.of(
                BodyTemplate.Format.JSON,
                "{\"messages\":[{\"dest\":\"{{number}}\",\"body\":\"[{{sender}}] {{text}}\"}],\"type\":2}");

        JsonNode body = JSON.readTree(template.render(NUMBER, "hello", "BANK"));

        assertThat(body.at("/messages/0/dest").asText()).isEqualTo(NUMBER);
        assertThat(body.at("/messages/0/body").asText()).isEqualTo("[BANK] hello");
        assertThat(body.get("type").asInt()).isEqualTo(2);
    }

    @Test
    void without_a_sender_id_its_field_or_pair_is_left_out() throws Exception {
        JsonNode json =
                JSON.readTree(BodyTemplate.of(BodyTemplate.Format.JSON, null).render(NUMBER, "t", " "));
        String form = BodyTemplate.of(BodyTemplate.Format.FORM, null).render(NUMBER, "t", null);

        assertThat(json.has("from")).isFalse();
        assertThat(json.get("to").asText()).isEqualTo(NUMBER);
        assertThat(form).isEqualTo("to=%2B821012345678&text=t");
    }

    @Test
    void form_values_are_url_encoded_so_they_cannot_add_pairs() throws Exception {
        String form = BodyTemplate.of(BodyTemplate.Format.FORM, null).render(NUMBER, "a&to=+1555&b=c", "S");

        assertThat(form).isEqualTo("to=%2B821012345678&text=a%26to%3D%2B1555%26b%3Dc&from=S");
    }
}
