package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.common.config.ServerPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory of a syslog sink: trust from the configured trust store, or the JVM's default context. Read
 * once at start-up, so a missing or unreadable trust store stops the server with a clear message (without the
 * password) instead of failing every delivery.
 */
final class SyslogTls {

    private SyslogTls() {}

    static SSLSocketFactory socketFactory(String trustStore, String password) {
        if (trustStore == null) {
            try {
                return SSLContext.getDefault().getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("CIAM Kit syslog sink: no default TLS context", e);
            }
        }
        Path path = ServerPaths.resolve(trustStore);
        try {
            KeyStore store = KeyStore.getInstance(path.toFile(), password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "CIAM Kit syslog sink: cannot read the trust store " + path + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
