package dev.ciamkit.sms.phone;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The public part of a bound phone, stored as the credential's data: never the number itself.
 *
 * @param bindingId random id bound into the sealed number's context, so a sealed number cannot be moved to another row
 * @param masked what pages and the account console show, e.g. {@code 010-****-5678}
 * @param hash the number's HMAC with the pepper ({@code EnvelopeProvider.hashIdentifier("phone", e164)}), for lookups
 *     and caps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhoneBinding(
        @JsonProperty("bindingId") String bindingId,
        @JsonProperty("masked") String masked,
        @JsonProperty("hash") String hash) {}
