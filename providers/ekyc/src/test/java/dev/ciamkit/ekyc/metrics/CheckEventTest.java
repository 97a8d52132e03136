package dev.ciamkit.ekyc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.ekyc.spi.EkycOperation;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationResult;
import dev.ciamkit.ekyc.spi.VerificationStatus;
import dev.ciamkit.ekyc.step.EkycOrchestrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The flight-recorder event the eKYC bench reads: our part of a check, with the time it waited for the vendor. */
class CheckEventTest {

    private static VerificationResult slowCall() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return VerificationResult.without(
                EkycOperation.ID_OCR, VerificationStatus.PASSED, EkycReason.OK, Duration.ZERO);
    }

    private static List<RecordedEvent> recorded(Runnable work) throws Exception {
        Path file = Files.createTempFile("ciamkit-check", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(CheckEvent.NAME).withThreshold(Duration.ZERO);
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals(CheckEvent.NAME))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void a_step_is_recorded_with_its_part_stage_and_the_vendor_wait_of_calls_at_once_counted_once() throws Exception {
        List<RecordedEvent> events = recorded(() -> {
            try (EkycOrchestrator orchestrator = new EkycOrchestrator(4)) {
                CheckEvent step = CheckEvent.started(CheckEvent.STEP);
                step.stage("confirm");
                step.login("root-session-1:tab-1");
                long deadline = EkycOrchestrator.deadline(Duration.ofSeconds(10));
                EkycOrchestrator.Pending<VerificationResult> first =
                        orchestrator.submit(EkycOperation.ID_AUTHENTICITY, CheckEventTest::slowCall, r -> r);
                EkycOrchestrator.Pending<VerificationResult> second =
                        orchestrator.submit(EkycOperation.FACE_MATCH, CheckEventTest::slowCall, r -> r);
                first.await(deadline);
                second.await(deadline);
                step.finish();
                CheckEvent upload = CheckEvent.started(CheckEvent.UPLOAD);
                upload.stage("selfie");
                upload.login("root-session-1:tab-1");
                upload.finish();
            }
        });

        assertThat(events).hasSize(2);
        RecordedEvent step = events.get(0);
        assertThat(step.getString("part")).isEqualTo("step");
        assertThat(step.getString("stage")).isEqualTo("confirm");
        assertThat(step.getDuration("vendorWait"))
                .as("two calls at once wait about one call's time, and never more than the step took")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100))
                .isLessThanOrEqualTo(step.getDuration());
        assertThat(step.getString("login"))
                .as("a short keyed hash pairs the parts of one login; the session's id (a cookie's value) is not in it")
                .matches("[0-9a-f]{12}")
                .isEqualTo(events.get(1).getString("login"))
                .doesNotContain("root-session-1");
        assertThat(events.get(1).getString("part")).isEqualTo("upload");
        assertThat(events.get(1).getDuration("vendorWait"))
                .as("a part that called no vendor waited nothing, whatever the thread waited before")
                .isZero();
    }

    @Test
    void a_part_that_checked_nothing_is_not_recorded() throws Exception {
        List<RecordedEvent> events =
                recorded(() -> CheckEvent.started(CheckEvent.STEP).finish());

        assertThat(events).isEmpty();
    }

    @Test
    void without_a_recording_a_part_ends_quietly() {
        CheckEvent event = CheckEvent.started(CheckEvent.RECHECK);
        event.stage("complete");

        event.finish();

        assertThat(event.shouldCommit()).isFalse();
    }
}
