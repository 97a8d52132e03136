package dev.ciamkit.risk.spi;

/** When an assessment is made: the signals that mean nothing at a token refresh (no cookie, no user agent) skip it. */
public enum RiskPhase {
    LOGIN,
    REFRESH
}
