package dev.ciamkit.audit.chain;

/** What the verifier reads of a linked record. */
public record ChainRow(String id, String realmId, long seq, String prevHash, String hash, String mac, String body) {}
