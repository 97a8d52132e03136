package dev.ciamkit.bench.ekyc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The server's side of the eKYC bench: its flight recording (bench/run-ekyc starts Keycloak with one that records only
 * {@value #EVENT}), dumped with {@code jcmd} once the phases are over and read with the JDK's own reader. Each event is
 * one posted page as the step handled it; it belongs to the phase whose time window holds its start.
 *
 * <p>System properties: {@code bench.server.pid} (the server's JVM) and {@code bench.server.jfr} (where to dump). Without
 * them, or when the dump fails, every phase gets no events and the report says the goal was not measured.
 */
final class ServerRecording {

    static final String EVENT = "dev.ciamkit.ekyc.Check";

    static final String RECORDING = "ciamkit-ekyc";

    private ServerRecording() {}

    @SuppressWarnings("unchecked")
    static List<EkycReport.ServerCheck>[] checks(List<Instant[]> windows) throws IOException, InterruptedException {
        List<EkycReport.ServerCheck>[] byPhase = new List[windows.size()];
        for (int i = 0; i < byPhase.length; i++) {
            byPhase[i] = new ArrayList<>();
        }
        String pid = System.getProperty("bench.server.pid");
        String file = System.getProperty("bench.server.jfr");
        if (pid == null || file == null) {
            System.err.println("no server recording: bench.server.pid and bench.server.jfr are not set");
            return byPhase;
        }
        Path dump = Path.of(file);
        Process jcmd = new ProcessBuilder(
                        "jcmd", pid, "JFR.dump", "name=" + RECORDING, "filename=" + dump.toAbsolutePath())
                .redirectErrorStream(true)
                .start();
        String said = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0 || !Files.isRegularFile(dump)) {
            System.err.println("no server recording: jcmd JFR.dump failed: " + said);
            return byPhase;
        }
        int counted = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
            if (!event.getEventType().getName().equals(EVENT)) {
                continue;
            }
            Instant start = event.getStartTime();
            for (int i = 0; i < windows.size(); i++) {
                if (!start.isBefore(windows.get(i)[0]) && start.isBefore(windows.get(i)[1])) {
                    byPhase[i].add(new EkycReport.ServerCheck(
                            event.getString("part"),
                            event.getString("stage"),
                            event.getString("login"),
                            event.getDuration().toNanos() / 1e6,
                            event.getDuration("vendorWait").toNanos() / 1e6));
                    counted++;
                }
            }
        }
        System.err.printf("server recording: %d %s events in the phases%n", counted, EVENT);
        return byPhase;
    }
}
