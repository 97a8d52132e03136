package dev.ciamkit.risk.signal.network;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of addresses and networks: single addresses in a hash set, networks in a list. Reads one entry per line, with
 * {@code #} comments; Tor's exit list format works too (lines {@code ExitAddress <address> <date> <time>}, the other
 * lines of a record are skipped).
 */
public final class AddressList {

    private final Set<InetAddress> addresses;
    private final List<Cidr> networks;
    private final int skipped;

    private AddressList(Set<InetAddress> addresses, List<Cidr> networks, int skipped) {
        this.addresses = Set.copyOf(addresses);
        this.networks = List.copyOf(networks);
        this.skipped = skipped;
    }

    public static AddressList empty() {
        return new AddressList(Set.of(), List.of(), 0);
    }

    /** From config values (one network per entry); entries that do not parse are skipped and counted. */
    public static AddressList of(Collection<String> entries) {
        Set<InetAddress> addresses = new HashSet<>();
        List<Cidr> networks = new ArrayList<>();
        int skipped = 0;
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            var cidr = Cidr.parse(entry);
            if (cidr.isEmpty()) {
                skipped++;
            } else if (cidr.get().prefix() == cidr.get().network().length * 8) {
                addresses.add(Cidr.address(entry.trim().split("/")[0]).orElseThrow());
            } else {
                networks.add(cidr.get());
            }
        }
        return new AddressList(addresses, networks, skipped);
    }

    /** From a list file: plain entries, or Tor's exit list. */
    public static AddressList read(Path file) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            String[] tokens = text.split("\\s+");
            if (tokens[0].equals("ExitAddress") && tokens.length > 1) {
                entries.add(tokens[1]);
            } else if (tokens.length == 1) {
                entries.add(tokens[0]);
            }
            // other Tor record lines (ExitNode, Published, LastStatus) carry no address
        }
        return of(entries);
    }

    public boolean contains(InetAddress address) {
        if (addresses.contains(address)) {
            return true;
        }
        for (Cidr network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return addresses.size() + networks.size();
    }

    public int skipped() {
        return skipped;
    }
}
