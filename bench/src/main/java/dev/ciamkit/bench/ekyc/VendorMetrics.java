package dev.ciamkit.bench.ekyc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's {@code ciamkit_ekyc_vendor_call_seconds} per method, summed over vendor and outcome: how long the
 * http verifier's calls took as Keycloak saw them (the gateway's HTTP round trip and its own work included).
 */
record VendorMetrics(Map<String, Double> seconds, Map<String, Double> calls) {

    private static final Pattern SAMPLE =
            Pattern.compile("^ciamkit_ekyc_vendor_call_seconds_(sum|count)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern METHOD = Pattern.compile("method=\"([^\"]+)\"");

    static VendorMetrics read(HttpClient http, String metricsUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(metricsUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return parse(answer.body());
    }

    static VendorMetrics parse(String text) {
        Map<String, Double> seconds = new TreeMap<>();
        Map<String, Double> calls = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Matcher method = METHOD.matcher(sample.group(2));
            if (!method.find()) {
                continue;
            }
            Map<String, Double> into = sample.group(1).equals("sum") ? seconds : calls;
            into.merge(method.group(1), Double.parseDouble(sample.group(3)), Double::sum);
        }
        return new VendorMetrics(seconds, calls);
    }

    /** The mean call time per method in milliseconds between an earlier reading and this one. */
    Map<String, Double> meanMillisSince(VendorMetrics before) {
        Map<String, Double> means = new TreeMap<>();
        calls.forEach((method, count) -> {
            double n = count - before.calls.getOrDefault(method, 0.0);
            if (n > 0) {
                double s = seconds.getOrDefault(method, 0.0) - before.seconds.getOrDefault(method, 0.0);
                means.put(method, s * 1000 / n);
            }
        });
        return means;
    }
}
