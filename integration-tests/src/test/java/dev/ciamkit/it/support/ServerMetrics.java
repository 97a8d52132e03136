package dev.ciamkit.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read of the server's {@code /metrics} on the management port (Prometheus text format). Metrics are the server's,
 * shared by every test: compare two reads around a test's own action ({@link #increase}), never absolute totals.
 */
public final class ServerMetrics {

    /** One series: its name, its labels and its value. */
    public record Series(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Series> series;

    private ServerMetrics(List<Series> series) {
        this.series = series;
    }

    public static ServerMetrics read() throws IOException, InterruptedException {
        return read(KeycloakServer.MANAGEMENT_URL);
    }

    /** One read of the metrics of the server whose management interface is at this URL (a cluster node's). */
    public static ServerMetrics read(String managementUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(managementUrl + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("metrics: HTTP " + response.statusCode());
        }
        List<Series> parsed = new ArrayList<>();
        response.body().lines().filter(l -> !l.startsWith("#")).forEach(line -> {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    Matcher label = LABEL.matcher(m.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                parsed.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
            }
        });
        return new ServerMetrics(parsed);
    }

    /** Every series of this name. */
    public List<Series> series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of the series of this name that carry these labels (others may differ); 0 when there is none. */
    public double value(String name, Map<String, String> labels) {
        return series(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Series::value)
                .sum();
    }

    /** How much a series (summed as in {@link #value}) grew from an earlier read to this one. */
    public double increase(ServerMetrics before, String name, Map<String, String> labels) {
        return value(name, labels) - before.value(name, labels);
    }
}
