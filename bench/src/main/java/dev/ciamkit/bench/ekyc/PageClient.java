package dev.ciamkit.bench.ekyc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One browser over plain HTTP: its own cookies, redirects not followed (the caller times each hop), pages read with
 * jsoup. Keycloak marks its cookies Secure, which java.net's CookieManager does not send to http://localhost: the
 * cookies are kept here by name, as a browser on localhost does.
 */
final class PageClient {

    /** A file part of a multipart form. */
    record FilePart(String filename, String mediaType, byte[] bytes) {}

    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    PageClient(HttpClient http) {
        this.http = http;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> postForm(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data post, as a browser sends a form with {@code enctype="multipart/form-data"}. */
    HttpResponse<String> postMultipart(String url, Map<String, String> fields, Map<String, FilePart> files)
            throws IOException, InterruptedException {
        String boundary = "----ciamkit-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
            write(body, field.getValue() + "\r\n");
        }
        for (Map.Entry<String, FilePart> file : files.entrySet()) {
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
                            + file.getValue().filename() + "\"\r\nContent-Type: "
                            + file.getValue().mediaType() + "\r\n\r\n");
            body.write(file.getValue().bytes());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The answer as a page, or an exception saying what came instead. */
    static Document page(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("expected a page, got HTTP " + response.statusCode()
                    + response.headers()
                            .firstValue("Location")
                            .map(to -> " to " + to)
                            .orElse(""));
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** Where a redirect of this status goes, absolute. */
    static String location(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + response.statusCode());
        }
        return response.uri()
                .resolve(response.headers().firstValue("Location").orElseThrow())
                .toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("set-cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return response;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
