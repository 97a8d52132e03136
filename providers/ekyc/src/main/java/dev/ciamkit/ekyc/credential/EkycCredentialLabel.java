package dev.ciamkit.ekyc.credential;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The label the account console shows: {@code eKYC 2026-11-25 · id, face} (the date in UTC, methods' wire names). */
public final class EkycCredentialLabel {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private EkycCredentialLabel() {}

    public static String of(Instant verifiedAt, List<EkycMethod> methods) {
        return "eKYC " + DATE.format(verifiedAt) + " \u00b7 "
                + methods.stream().map(EkycMethod::wire).collect(Collectors.joining(", "));
    }
}
