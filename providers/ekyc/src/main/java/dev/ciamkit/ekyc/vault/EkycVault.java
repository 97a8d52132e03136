package dev.ciamkit.ekyc.vault;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The PII vault of eKYC verifications, bound to one Keycloak session and its transaction. Identifiers are kept
 * one-way (HMAC with the pepper outside the database) and masked, names, birth date and images sealed with the
 * common envelope. Nothing it throws carries PII; a value that cannot be unsealed reads as absent.
 */
public interface EkycVault {

    static EkycVault of(KeycloakSession session) {
        return new JpaEkycVault(session);
    }

    /**
     * The user's newest verification still valid at {@code now} whose account-console credential still exists (a
     * user who deleted it withdrew the verification).
     */
    Optional<Verification> current(RealmModel realm, UserModel user, Instant now);

    /**
     * Stores a verification that met the policy, valid for {@code validity}; flags it and any other user's
     * verification of the same ID number for review; creates or replaces the user's credential of type
     * {@code ciamkit-ekyc}, labelled with the date and the methods.
     */
    Verification record(RealmModel realm, UserModel user, CompletedVerification done, Duration validity);

    /** The verified names and birth date of a stored verification, unsealed; empty when they cannot be read. */
    Optional<VerifiedClaims> claims(RealmModel realm, Verification verification);

    /** Counts one more verification attempt of the user on {@code day} (UTC) atomically and returns the new count. */
    int countAttempt(RealmModel realm, UserModel user, LocalDate day);
}
