package dev.ciamkit.audit.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.audit.sink.spi.AuditSinkFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SinkRegistrationTest {

    @Test
    void keycloak_finds_the_three_sinks_and_none_is_enabled_before_init() {
        assertThat(ServiceLoader.load(AuditSinkFactory.class).stream().map(ServiceLoader.Provider::get))
                .allSatisfy(factory -> assertThat(factory.isEnabled()).isFalse())
                .extracting(AuditSinkFactory::getId)
                .containsExactlyInAnyOrder("syslog", "cef", "webhook");
    }
}
