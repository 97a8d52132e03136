package dev.ciamkit.ekyc.spi;

/** The vendor's judgement whether a selfie shows a live person. */
public enum Liveness {
    LIVE,
    /** A photo, screen or mask. */
    SPOOF,
    /** Not judged, or not reported. */
    UNKNOWN
}
