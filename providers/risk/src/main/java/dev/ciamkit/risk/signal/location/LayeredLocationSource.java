package dev.ciamkit.risk.signal.location;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A CIDR list in front of a GeoIP database: the list's networks win (a bank's own VPN egress or branch ranges, which a
 * commercial database often places in the wrong city), every other address goes to the database.
 */
final class LayeredLocationSource implements LocationSource {

    private final CsvLocationSource overrides;
    private final LocationSource database;

    LayeredLocationSource(CsvLocationSource overrides, LocationSource database) {
        this.overrides = overrides;
        this.database = database;
    }

    @Override
    public Optional<GeoPlace> lookup(InetAddress address) {
        Optional<GeoPlace> place = overrides.lookup(address);
        return place.isPresent() ? place : database.lookup(address);
    }

    CsvLocationSource overrides() {
        return overrides;
    }

    @Override
    public String kind() {
        return overrides.kind() + "+" + database.kind();
    }

    @Override
    public void close() {
        database.close();
    }
}
