package dev.ciamkit.audit.chain;

/** What the verifier reads of a linked record ({@code columns} as {@link ChainHash#columns} makes them). */
public record ChainRow(
        String id, String realmId, long seq, String prevHash, String hash, String mac, String columns, String body) {}
