package dev.ciamkit.ekyc.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The gateway contract's operations, by the key the sandbox's configuration and statistics use for them. */
public enum SandboxOperation {
    /** {@code POST /v1/id/ocr}. */
    OCR("ocr"),
    /** {@code POST /v1/id/verify}. */
    VERIFY("verify"),
    /** {@code POST /v1/face/match}. */
    FACE("face"),
    /** {@code POST /v1/account/transfers}. */
    TRANSFER("transfer"),
    /** {@code POST /v1/account/transfers/{id}/confirm}. */
    CONFIRM("confirm");

    private final String key;

    SandboxOperation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<SandboxOperation> byKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
