package dev.ciamkit.otp.pin;

/**
 * A PIN's public credential data.
 *
 * @param digits how many digits the PIN has
 * @param pepper the id of the pepper its keyed input was made with (the pepper itself lives outside the database)
 * @param hash Keycloak's password-hash credential data (algorithm, iterations, Argon2 parameters) as JSON
 */
public record PinData(int digits, String pepper, String hash) {}
