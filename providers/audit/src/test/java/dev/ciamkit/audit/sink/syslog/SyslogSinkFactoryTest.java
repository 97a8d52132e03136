package dev.ciamkit.audit.sink.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.AuditSink.SendResult;
import dev.ciamkit.audit.sink.testing.MapScope;
import dev.ciamkit.audit.sink.testing.Records;
import dev.ciamkit.audit.sink.testing.Rfc5424Message;
import dev.ciamkit.audit.sink.testing.SelfSignedTls;
import dev.ciamkit.audit.sink.testing.SyslogReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.provider.ProviderConfigProperty;

@Timeout(30)
class SyslogSinkFactoryTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private TcpSyslogSinkFactory factory;
    private SyslogReceiver receiver;

    @AfterEach
    void stop() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Nested
    class Options {

        @Test
        void a_factory_without_host_is_not_enabled_and_its_sink_says_why() {
            factory = new SyslogSinkFactory();
            factory.init(MapScope.of("port", "1514"));

            assertThat(factory.isEnabled()).isFalse();
            SendResult result = factory.create(null).send(List.of(Records.record("r1", 1)), null);
            assertThat(result.delivered()).isZero();
            assertThat(result.error()).contains("no host");
        }

        @Test
        void default_to_514_plain_and_6514_with_tls() {
            SyslogOptions plain = SyslogOptions.read(MapScope.of("host", "siem"));
            SyslogOptions tls = SyslogOptions.read(MapScope.of("host", "siem", "tls", "true"));

            assertThat(plain.port()).isEqualTo(514);
            assertThat(plain.tls()).isFalse();
            assertThat(tls.port()).isEqualTo(6514);
            assertThat(plain.connectTimeoutMillis()).isEqualTo(3000);
            assertThat(plain.writeTimeoutMillis()).isEqualTo(5000);
            assertThat(plain.resend()).isEqualTo(1000);
            assertThat(plain.appName()).isEqualTo("ciamkit");
            assertThat(plain.maxMessageBytes()).isEqualTo(65536);
            assertThat(plain.facility()).isEqualTo(10);
        }

        @Test
        void out_of_range_numbers_fall_back_to_their_default() {
            SyslogOptions options = SyslogOptions.read(MapScope.of(
                    "host", " siem ", "port", "70000", "max-message-bytes", "100", "facility", "x", "resend", "-1"));

            assertThat(options.host()).isEqualTo("siem");
            assertThat(options.port()).isEqualTo(514);
            assertThat(options.maxMessageBytes()).isEqualTo(65536);
            assertThat(options.facility()).isEqualTo(10);
            assertThat(options.resend()).isEqualTo(1000);
        }

        @Test
        void never_print_the_trust_store_password() {
            SyslogOptions options = SyslogOptions.read(MapScope.of("host", "siem", "trust-store-password", "s3cret"));

            assertThat(options.toString()).doesNotContain("s3cret");
        }

        @Test
        void are_described_for_the_server_info() {
            List<ProviderConfigProperty> metadata = new SyslogSinkFactory().getConfigMetadata();

            assertThat(metadata)
                    .extracting(ProviderConfigProperty::getName)
                    .containsExactly(
                            "host",
                            "port",
                            "tls",
                            "trust-store",
                            "trust-store-password",
                            "connect-timeout-millis",
                            "write-timeout-millis",
                            "resend",
                            "app-name",
                            "max-message-bytes",
                            "facility");
            assertThat(metadata).allSatisfy(p -> assertThat(p.getHelpText()).isNotBlank());
            assertThat(metadata)
                    .filteredOn(p -> p.getName().equals("trust-store-password"))
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.getType()).isEqualTo(ProviderConfigProperty.PASSWORD);
                        assertThat(p.isSecret()).isTrue();
                    });
        }

        @Test
        void a_trust_store_that_cannot_be_read_stops_start_up_without_its_password(@TempDir Path dir) {
            factory = new SyslogSinkFactory();

            assertThatThrownBy(() -> factory.init(MapScope.of(
                            "host", "siem",
                            "tls", "true",
                            "trust-store", dir.resolve("missing.p12").toString(),
                            "trust-store-password", "s3cret")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("missing.p12")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Nested
    class Plain_tcp {

        @Test
        void sinks_of_one_factory_share_its_one_connection() throws Exception {
            receiver = SyslogReceiver.plain();
            factory = new SyslogSinkFactory();
            factory.init(MapScope.of("host", "127.0.0.1", "port", Integer.toString(receiver.port()), "resend", "5"));
            Records.Trail trail = new Records.Trail("r1", 4);

            assertThat(factory.isEnabled()).isTrue();
            assertThat(factory.create(null).send(trail.range("r1", 1, 2), trail))
                    .isEqualTo(SendResult.all(2));
            assertThat(factory.create(null).send(trail.range("r1", 3, 4), trail))
                    .isEqualTo(SendResult.all(2));

            assertThat(receiver.await(4, WAIT).sequences()).containsExactly(1L, 2L, 3L, 4L);
            assertThat(receiver.accepted()).isEqualTo(1);
            Rfc5424Message first = Rfc5424Message.parse(receiver.messages().get(0));
            assertThat(first.appName()).isEqualTo("ciamkit");
            assertThat(first.procId())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }

        @Test
        void a_closed_factory_sends_nothing() throws Exception {
            receiver = SyslogReceiver.plain();
            factory = new SyslogSinkFactory();
            factory.init(MapScope.of("host", "127.0.0.1", "port", Integer.toString(receiver.port())));
            AuditSink sink = factory.create(null);

            factory.close();

            assertThat(sink.send(List.of(Records.record("r1", 1)), null).delivered())
                    .isZero();
        }

        @Test
        void the_cef_factory_writes_cef_in_syslog_frames() throws Exception {
            receiver = SyslogReceiver.plain();
            factory = new CefSinkFactory();
            factory.init(MapScope.of("host", "127.0.0.1", "port", Integer.toString(receiver.port()), "resend", "0"));

            assertThat(factory.create(null).send(List.of(Records.record("r1", 3)), null))
                    .isEqualTo(SendResult.all(1));

            Rfc5424Message message =
                    Rfc5424Message.parse(receiver.await(1, WAIT).messages().get(0));
            assertThat(message.params()).containsEntry("seq", "3");
            assertThat(message.msgText()).startsWith("CEF:0|CIAM Kit|CIAM Kit audit|dev|LOGIN_ERROR|");
            assertThat(factory.getId()).isEqualTo("cef");
        }
    }

    @Nested
    class Tls {

        @Test
        void delivers_to_a_receiver_whose_certificate_the_trust_store_holds(@TempDir Path dir) throws Exception {
            SelfSignedTls tls = new SelfSignedTls("localhost");
            receiver = SyslogReceiver.start(tls::serverSocket);
            factory = new SyslogSinkFactory();
            factory.init(tlsOptions(tls.trustStore(dir, "changeit"), "localhost"));
            Records.Trail trail = new Records.Trail("r1", 3);

            assertThat(factory.create(null).send(trail.range("r1", 2, 3), trail))
                    .isEqualTo(SendResult.all(2));

            assertThat(receiver.await(3, WAIT).sequences()).containsExactly(1L, 2L, 3L);
        }

        @Test
        void refuses_a_receiver_the_jvm_does_not_trust() throws Exception {
            SelfSignedTls tls = new SelfSignedTls("localhost");
            receiver = SyslogReceiver.start(tls::serverSocket);
            factory = new SyslogSinkFactory();
            factory.init(MapScope.of(
                    "host",
                    "localhost",
                    "port",
                    Integer.toString(receiver.port()),
                    "tls",
                    "true",
                    "connect-timeout-millis",
                    "2000"));

            SendResult result = factory.create(null).send(List.of(Records.record("r1", 1)), null);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).startsWith("SSLHandshakeException");
            assertThat(receiver.messages()).isEmpty();
        }

        @Test
        void refuses_a_trusted_certificate_for_another_host(@TempDir Path dir) throws Exception {
            SelfSignedTls tls = new SelfSignedTls("siem.example");
            receiver = SyslogReceiver.start(tls::serverSocket);
            factory = new SyslogSinkFactory();
            factory.init(tlsOptions(tls.trustStore(dir, "changeit"), "localhost"));

            SendResult result = factory.create(null).send(List.of(Records.record("r1", 1)), null);

            assertThat(result.delivered()).isZero();
            assertThat(result.error()).startsWith("SSLHandshakeException");
            assertThat(receiver.messages()).isEmpty();
        }

        private MapScope tlsOptions(Path trustStore, String host) {
            return MapScope.of(
                    "host",
                    host,
                    "port",
                    Integer.toString(receiver.port()),
                    "tls",
                    "true",
                    "trust-store",
                    trustStore.toString(),
                    "trust-store-password",
                    "changeit",
                    "connect-timeout-millis",
                    "2000");
        }
    }
}
