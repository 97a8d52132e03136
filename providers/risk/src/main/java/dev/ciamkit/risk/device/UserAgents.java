package dev.ciamkit.risk.device;

import dev.ciamkit.risk.spi.RiskInput;
import org.jboss.logging.Logger;
import ua_parser.CachingParser;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Names the browser of a {@code User-Agent} with uap-java (the parser and snakeyaml ship with Keycloak). Building the
 * parser loads its regex table (~250 ms), so a factory makes one in {@code init} and keeps it; the caching parser then
 * answers a repeated agent in well under a microsecond. Thread-safe. Never throws: anything the parser cannot name, or a
 * parser that could not be built, reads as {@link Browser#other()}.
 */
public final class UserAgents {

    private static final Logger LOG = Logger.getLogger(UserAgents.class);

    private final Parser parser;

    private UserAgents(Parser parser) {
        this.parser = parser;
    }

    /** A new parser; on failure (a missing regex table or YAML library) one that names every browser "Other". */
    public static UserAgents create() {
        try {
            return new UserAgents(new CachingParser());
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf(
                    "CIAM Kit: user-agent parser unavailable (%s); every browser reads as Other",
                    e.getClass().getSimpleName());
            return new UserAgents(null);
        }
    }

    static UserAgents using(Parser parser) {
        return new UserAgents(parser);
    }

    public Browser parse(String userAgent) {
        if (parser == null || userAgent == null || userAgent.isBlank()) {
            return Browser.other();
        }
        // The caller's input is already cut (RiskInput); cut again so no other caller can hand the parser 8 KB.
        String input = userAgent.length() > RiskInput.MAX_USER_AGENT
                ? userAgent.substring(0, RiskInput.MAX_USER_AGENT)
                : userAgent;
        try {
            Client client = parser.parse(input);
            if (client == null) {
                return Browser.other();
            }
            String family = client.userAgent == null ? null : client.userAgent.family;
            String major = client.userAgent == null ? null : client.userAgent.major;
            String os = client.os == null ? null : client.os.family;
            return new Browser(family, major, os);
        } catch (RuntimeException | StackOverflowError e) {
            return Browser.other();
        }
    }
}
