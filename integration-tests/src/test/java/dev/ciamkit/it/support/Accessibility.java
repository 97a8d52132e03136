package dev.ciamkit.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/** Runs axe-core (the engine behind most accessibility checkers) on the page the browser shows. */
public final class Accessibility {

    public record Violation(String id, String impact, String help, int nodes) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + nodes + " nodes): " + help;
        }
    }

    private static String script;

    private Accessibility() {}

    /** Violations of impact serious or critical, WCAG 2.1 A and AA rules. */
    public static List<Violation> seriousViolations(Browser browser) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(script());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations.map(v =>"
                + " ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length})))))"
                + ".catch(e => done('ERROR ' + e));");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        List<Violation> serious = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(json)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(new Violation(
                        v.get("id").asText(),
                        impact,
                        v.get("help").asText(),
                        v.get("nodes").asInt()));
            }
        }
        return serious;
    }

    private static synchronized String script() throws Exception {
        if (script == null) {
            script = Files.readString(Path.of(System.getProperty("axe.script")));
        }
        return script;
    }
}
