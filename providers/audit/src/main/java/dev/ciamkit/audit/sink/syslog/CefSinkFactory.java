package dev.ciamkit.audit.sink.syslog;

/**
 * The {@code cef} sink: {@link CefFormatter CEF} as the MSG of RFC 5424 messages, over the same transport as
 * {@link SyslogSinkFactory}. Enabled by {@code --spi-ciamkit-audit-sink--cef--host}.
 */
public final class CefSinkFactory extends TcpSyslogSinkFactory {

    public static final String ID = "cef";

    @Override
    RecordFormatter formatter(Rfc5424Formatter frame) {
        return new CefFormatter(frame, version());
    }

    @Override
    public String getId() {
        return ID;
    }

    /** The jar's Implementation-Version (set by the audit module's build), else "dev" when run from classes. */
    static String version() {
        String version = CefSinkFactory.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
