package dev.ciamkit.it.support;

import dev.ciamkit.ekyc.sandbox.EkycSandbox;
import dev.ciamkit.ekyc.sandbox.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The eKYC sandbox gateway the assembled server's http verifier talks to: started once per test run, before the
 * server, on a free port (the server's options name it). Tests change its behaviour (latency, failures) and must
 * {@link #reset} it afterwards; they share it as they share the server.
 */
public final class EkycGateway {

    private static EkycSandbox sandbox;

    private EkycGateway() {}

    public static synchronized EkycSandbox sandbox() {
        if (sandbox == null) {
            try {
                sandbox = EkycSandbox.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the eKYC sandbox", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::stop));
        }
        return sandbox;
    }

    /** The server options that point the http verifier at the sandbox. */
    public static List<String> serverOptions() {
        EkycSandbox gateway = sandbox();
        return List.of(
                "--spi-ciamkit-ekyc-verifier--http--base-url=" + gateway.baseUrl(),
                "--spi-ciamkit-ekyc-verifier--http--api-key=" + gateway.apiKey(),
                "--spi-ciamkit-ekyc-verifier--http--api-key-header=" + EkycSandbox.API_KEY_HEADER,
                // a test of one method's outage must not open the breaker for the tests after it for long
                "--spi-ciamkit-ekyc-verifier--http--breaker-cool-down-ms=1000");
    }

    /** A committed test image as a file a browser can upload. */
    public static Path image(String name) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ciamkit-ekyc-images"));
            Path file = dir.resolve(name);
            Files.write(file, TestImages.bytes(name));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
