package dev.ciamkit.ekyc.sandbox;

import dev.ciamkit.ekyc.sandbox.TestPersons.Person;
import java.util.Optional;

/**
 * What an image's marker ({@link ImageProbe}) says: {@code id:<person>} is that person's ID document,
 * {@code selfie:<person>} a live selfie of them, {@code selfie:<person>:spoof} a photo of a photo (liveness fails). An
 * image without a marker shows nothing, unless the configuration names a person for unmarked images.
 */
final class Markers {

    static final String ID = "id:";
    static final String SELFIE = "selfie:";
    static final String SPOOF = ":spoof";

    /** A face in a selfie: whose, and whether it was a live person in front of the camera. */
    record Selfie(Person person, boolean live) {}

    private Markers() {}

    static Optional<Person> idPerson(ImageProbe probe, String unmarked) {
        if (probe.marker().isEmpty()) {
            return TestPersons.byKey(unmarked);
        }
        String marker = probe.marker().get();
        return marker.startsWith(ID) ? TestPersons.byKey(marker.substring(ID.length())) : Optional.empty();
    }

    static Optional<Selfie> selfie(ImageProbe probe, String unmarked) {
        if (probe.marker().isEmpty()) {
            return TestPersons.byKey(unmarked).map(p -> new Selfie(p, true));
        }
        String marker = probe.marker().get();
        if (!marker.startsWith(SELFIE)) {
            return Optional.empty();
        }
        String rest = marker.substring(SELFIE.length());
        boolean spoof = rest.endsWith(SPOOF);
        String key = spoof ? rest.substring(0, rest.length() - SPOOF.length()) : rest;
        return TestPersons.byKey(key).map(p -> new Selfie(p, !spoof));
    }
}
