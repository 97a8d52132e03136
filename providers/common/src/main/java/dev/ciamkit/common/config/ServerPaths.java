package dev.ciamkit.common.config;

import java.nio.file.Path;

/** Server file options (key file, lists, databases): relative paths start at the Keycloak home, as its own do. */
public final class ServerPaths {

    private ServerPaths() {}

    public static Path resolve(String configured) {
        Path path = Path.of(configured);
        String home = System.getProperty("kc.home.dir");
        return (path.isAbsolute() || home == null ? path : Path.of(home).resolve(path)).normalize();
    }
}
