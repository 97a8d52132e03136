package dev.ciamkit.ekyc.vault;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Placeholder until the JPA vault lands. */
final class JpaEkycVault implements EkycVault {

    JpaEkycVault(KeycloakSession session) {}

    @Override
    public Optional<Verification> current(RealmModel realm, UserModel user, Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Verification record(RealmModel realm, UserModel user, CompletedVerification done, Duration validity) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public Optional<VerifiedClaims> claims(RealmModel realm, Verification verification) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public int countAttempt(RealmModel realm, UserModel user, LocalDate day) {
        throw new UnsupportedOperationException("not yet");
    }
}
