package dev.ciamkit.audit.sink.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SIEM sinks of the audit trail: {@code syslog} (RFC 5424), {@code cef} (CEF over syslog), {@code webhook}. */
public final class AuditSinkSpi implements Spi {

    public static final String NAME = "ciamkit-audit-sink";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return AuditSink.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AuditSinkFactory.class;
    }
}
