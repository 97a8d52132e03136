package dev.ciamkit.ekyc.vault;

import dev.ciamkit.ekyc.spi.EkycImage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verification that met the policy, as the step hands it to the vault. The images are present only when the policy
 * keeps them (default: not kept); the vault seals them.
 */
public record CompletedVerification(
        List<MethodResult> methods,
        VerifiedPerson person,
        Instant startedAt,
        Instant completedAt,
        Optional<EkycImage> idImage,
        Optional<EkycImage> selfie) {
    public CompletedVerification {
        methods = List.copyOf(Objects.requireNonNull(methods, "methods"));
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        idImage = idImage == null ? Optional.empty() : idImage;
        selfie = selfie == null ? Optional.empty() : selfie;
    }
}
