package dev.ciamkit.audit.sink.spi;

import org.keycloak.provider.ProviderFactory;

/**
 * Creates a sink from server options ({@code --spi-ciamkit-audit-sink--<id>--<option>}): a SIEM's address and
 * secrets are the platform's, never a realm admin's. A sink without its required options is not enabled, and records
 * are exported only to enabled sinks.
 */
public interface AuditSinkFactory extends ProviderFactory<AuditSink> {

    /** True once {@link #init} found the options the sink needs (e.g. a host, a URL). */
    boolean isEnabled();
}
