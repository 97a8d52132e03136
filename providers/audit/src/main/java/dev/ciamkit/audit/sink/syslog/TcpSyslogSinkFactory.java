package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.AuditSinkFactory;
import java.net.InetAddress;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the {@code syslog} and {@code cef} factories share: the {@link SyslogOptions}, and the one connection the
 * factory owns (opened at the first send, reused by every sink it creates, closed with the factory). They differ only
 * in the MSG they write.
 */
public abstract class TcpSyslogSinkFactory implements AuditSinkFactory {

    private SyslogOptions options;
    private SyslogConnection connection;
    private RecordFormatter formatter;

    /** The formatter of this sink's messages, over the RFC 5424 frame built from the options. */
    abstract RecordFormatter formatter(Rfc5424Formatter frame);

    @Override
    public void init(Config.Scope config) {
        options = SyslogOptions.read(config);
        if (!options.enabled()) {
            return;
        }
        formatter = formatter(new Rfc5424Formatter(
                options.facility(),
                localHostName(),
                options.appName(),
                Long.toString(ProcessHandle.current().pid()),
                options.maxMessageBytes()));
        connection = new SyslogConnection(
                options.host(),
                options.port(),
                options.tls() ? SyslogTls.socketFactory(options.trustStore(), options.trustStorePassword()) : null,
                options.connectTimeoutMillis(),
                options.writeTimeoutMillis());
    }

    @Override
    public boolean isEnabled() {
        return connection != null;
    }

    @Override
    public AuditSink create(KeycloakSession session) {
        if (connection == null) {
            return (records, earlier) -> new AuditSink.SendResult(0, "the " + getId() + " sink has no host configured");
        }
        return new SyslogTcpSink(connection, formatter, options.resend(), options.host() + ":" + options.port());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return SyslogOptions.metadata();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            // RFC 5424: NILVALUE when the name is not known
            return null;
        }
    }
}
