package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.audit.sink.spi.ExportRecord;

/** Turns one record into one syslog message (without framing); never throws on hostile content. */
@FunctionalInterface
public interface RecordFormatter {

    /** The UTF-8 bytes of one RFC 5424 message, a single line, at most the configured maximum. */
    byte[] format(ExportRecord record);
}
