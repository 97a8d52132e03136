package dev.ciamkit.sms.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ciamkit.sms.spi.SmsException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request body the gateway expects, from the admin's template with the placeholders {@code {{number}}} (E.164),
 * {@code {{text}}} and {@code {{sender}}} (the configured sender id). No value can change the body's structure: a JSON
 * template is parsed first (placeholders belong inside its strings; anything after the first value is refused) and the
 * values are set into its strings, which Jackson then writes; in a form, each value is URL-encoded. A field (JSON) or
 * pair (form) whose whole value is {@code {{sender}}} is left out when no sender id is configured. An unknown
 * placeholder, or a JSON template that does not parse, is a configuration error. ({@code {{...}}} rather than
 * {@code ${...}}, which Keycloak's realm import would try to resolve.)
 */
public record BodyTemplate(Format format, String template) {

    public enum Format {
        JSON("application/json"),
        FORM("application/x-www-form-urlencoded");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    static final String DEFAULT_JSON = "{\"to\":\"{{number}}\",\"text\":\"{{text}}\",\"from\":\"{{sender}}\"}";
    static final String DEFAULT_FORM = "to={{number}}&text={{text}}&from={{sender}}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");
    private static final Pattern ONLY_SENDER = Pattern.compile("\\s*\\{\\{\\s*sender\\s*}}\\s*");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static BodyTemplate of(Format format, String template) {
        String t = template == null || template.isBlank()
                ? (format == Format.FORM ? DEFAULT_FORM : DEFAULT_JSON)
                : template.trim();
        return new BodyTemplate(format, t);
    }

    public String render(String number, String text, String sender) throws SmsException {
        Map<String, String> values = Map.of(
                "number", number == null ? "" : number, "text", text == null ? "" : text, "sender", orEmpty(sender));
        boolean noSender = orEmpty(sender).isBlank();
        return format == Format.JSON ? json(values, noSender) : form(values, noSender);
    }

    private String json(Map<String, String> values, boolean noSender) throws SmsException {
        JsonNode tree;
        try {
            tree = JSON.readTree(template);
        } catch (JsonProcessingException e) {
            // the template alone, no values in it: still only the reason, never its text
            throw new SmsException(
                    SmsException.Reason.NOT_CONFIGURED,
                    "the SMS body template is not one JSON value (placeholders belong inside its strings)");
        }
        try {
            return JSON.writeValueAsString(fill(tree, values, noSender));
        } catch (JsonProcessingException e) {
            throw new SmsException(SmsException.Reason.NOT_CONFIGURED, "the SMS body cannot be written as JSON");
        }
    }

    private JsonNode fill(JsonNode node, Map<String, String> values, boolean noSender) throws SmsException {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText(), values, UnaryOperator.identity()));
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (noSender
                        && value.isTextual()
                        && ONLY_SENDER.matcher(value.asText()).matches()) {
                    continue;
                }
                out.set(field.getKey(), fill(value, values, noSender));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode element : node) {
                out.add(fill(element, values, noSender));
            }
            return out;
        }
        return node;
    }

    private String form(Map<String, String> values, boolean noSender) throws SmsException {
        StringJoiner body = new StringJoiner("&");
        for (String pair : template.split("&")) {
            int eq = pair.indexOf('=');
            if (noSender
                    && eq >= 0
                    && ONLY_SENDER.matcher(pair.substring(eq + 1)).matches()) {
                continue;
            }
            body.add(substitute(pair, values, v -> URLEncoder.encode(v, StandardCharsets.UTF_8)));
        }
        return body.toString();
    }

    private static String substitute(String in, Map<String, String> values, UnaryOperator<String> escape)
            throws SmsException {
        Matcher m = PLACEHOLDER.matcher(in);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new SmsException(
                        SmsException.Reason.NOT_CONFIGURED,
                        "the SMS body template has an unknown placeholder {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
