package dev.ciamkit.ekyc.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar ciamkit-ekyc-sandbox-standalone.jar [options]}: runs the sandbox until it is stopped (Ctrl-C).
 * Options as {@code --name value} or {@code --name=value}; {@code --help} lists them.
 */
public final class SandboxMain {

    static final String USAGE = """
            CIAM Kit eKYC sandbox: a deterministic stand-in for an eKYC gateway (tests and demos only).

            Options:
              --host <address>                listen address (default 127.0.0.1; 0.0.0.0 for every interface)
              --port <n>                      port (default 8089; 0 picks a free one)
              --api-key <key>                 the X-API-Key it expects (default: $CIAMKIT_SANDBOX_API_KEY,
                                              else ciamkit-sandbox-key)
              --latency-ms <n>                wait before every answer
              --latency-ms.<method> <n>       the same for one method: ocr, verify, face, transfer, confirm
              --failure-rate <0..1>           share of requests that fail (deterministic: 0.5 = 1st, 3rd, ...)
              --failure-rate.<method> <0..1>  the same for one method
              --fail-status <400..599>        status of a failed request (default 503)
              --unmarked reject|<person>      what an image without a marker shows (default reject)

            At run time: POST /sandbox/config with the same settings as JSON (see the README).
            """;

    private SandboxMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        EkycSandbox sandbox;
        try {
            String apiKey = options.getOrDefault(
                    "api-key", System.getenv().getOrDefault("CIAMKIT_SANDBOX_API_KEY", EkycSandbox.DEFAULT_API_KEY));
            sandbox = EkycSandbox.start(
                    options.getOrDefault("host", "127.0.0.1"),
                    Integer.parseInt(options.getOrDefault("port", "8089")),
                    apiKey,
                    config(options));
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }));
        System.out.println("CIAM Kit eKYC sandbox on " + sandbox.baseUrl() + " (header " + EkycSandbox.API_KEY_HEADER
                + (sandbox.apiKey().equals(EkycSandbox.DEFAULT_API_KEY) ? ", the default key" : ", the given key")
                + "); Ctrl-C stops it");
        stopped.await();
    }

    static SandboxConfig config(Map<String, String> options) {
        Map<String, Behaviour> methods = new HashMap<>();
        for (SandboxOperation operation : SandboxOperation.values()) {
            String latency = options.get("latency-ms." + operation.key());
            String rate = options.get("failure-rate." + operation.key());
            if (latency != null || rate != null) {
                methods.put(
                        operation.key(),
                        new Behaviour(
                                latency == null ? null : Long.valueOf(latency),
                                rate == null ? null : Double.valueOf(rate),
                                null,
                                null));
            }
        }
        return new SandboxConfig(
                Long.parseLong(options.getOrDefault("latency-ms", "0")),
                Double.parseDouble(options.getOrDefault("failure-rate", "0")),
                Integer.parseInt(options.getOrDefault("fail-status", "503")),
                false,
                methods,
                options.get("unmarked"));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (--help lists the options)");
            }
            String name = arg.substring(2);
            if (name.equals("help")) {
                options.put(name, "");
                continue;
            }
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (!rest.isEmpty()) {
                options.put(name, rest.remove(0));
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        List<String> known = new ArrayList<>(
                List.of("help", "host", "port", "api-key", "latency-ms", "failure-rate", "fail-status", "unmarked"));
        for (SandboxOperation operation : SandboxOperation.values()) {
            known.add("latency-ms." + operation.key());
            known.add("failure-rate." + operation.key());
        }
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (--help lists the options)");
            }
        }
        return options;
    }

    private static void fail(String message) {
        PrintStream err = System.err;
        err.println("ekyc-sandbox: " + message);
        System.exit(2);
    }
}
