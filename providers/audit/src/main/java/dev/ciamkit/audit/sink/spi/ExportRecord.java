package dev.ciamkit.audit.sink.spi;

/**
 * One linked audit record as it leaves the server: what every sink formats. {@code body} is the record's canonical
 * JSON (sorted keys, no whitespace, values already masked: no codes, PINs, seeds or tokens; e-mail addresses, phone and
 * ID numbers masked), exactly the bytes the chain hashes; the other fields repeat what a SIEM indexes. Every text field
 * may hold anything a client sent (CRLF, NUL, RTL marks, format metacharacters): a sink escapes per its format.
 *
 * @param sequence the record's position in its realm's chain, from 1, without gaps: a receiver sees a gap as loss and
 *     the same number twice as a duplicate
 * @param kind {@code USER} or {@code ADMIN}
 * @param type the event type ({@code LOGIN}, {@code LOGIN_ERROR}, ...) or for admin events
 *     {@code <OPERATION>:<RESOURCE_TYPE>} ({@code UPDATE:USER})
 * @param outcome {@code success} or {@code failure}
 * @param error Keycloak's error code, or null
 * @param hash hex SHA-256 chaining this record to the previous one
 * @param mac {@code h1.<keyId>.<base64url>} HMAC over the hash with a key outside the database
 */
public record ExportRecord(
        long sequence,
        String realmId,
        String realmName,
        long time,
        String kind,
        String type,
        String outcome,
        String userId,
        String clientId,
        String ipAddress,
        String error,
        String body,
        String hash,
        String mac) {}
