package dev.ciamkit.ekyc.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** Vendor references, {@code sbx-<operation>-000001} and on, counted per sandbox. */
final class References {

    private final AtomicLong next = new AtomicLong();

    String next(SandboxOperation operation) {
        return String.format("sbx-%s-%06d", operation.key(), next.incrementAndGet());
    }
}
