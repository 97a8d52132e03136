package dev.ciamkit.audit.sink.syslog;

/**
 * The {@code syslog} sink: RFC 5424 messages (canonical JSON body as MSG) over TCP or TLS, octet-counted (RFC 6587).
 * Enabled by {@code --spi-ciamkit-audit-sink--syslog--host}; the other options are in {@link SyslogOptions}.
 */
public final class SyslogSinkFactory extends TcpSyslogSinkFactory {

    public static final String ID = "syslog";

    @Override
    RecordFormatter formatter(Rfc5424Formatter frame) {
        return frame;
    }

    @Override
    public String getId() {
        return ID;
    }
}
