package dev.ciamkit.risk.signal.location;

/**
 * Distance along the Earth's surface by the haversine formula on a sphere of the mean radius: within 0.5% of the
 * ellipsoidal distance, far finer than what a GeoIP place is worth (cities, often tens of kilometres off).
 */
public final class GreatCircle {

    /** The IUGG mean Earth radius. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {}

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        // min: rounding can push a just past 1 for antipodes, and asin(>1) is NaN
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
