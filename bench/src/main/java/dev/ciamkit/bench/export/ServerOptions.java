package dev.ciamkit.bench.export;

import java.util.Map;
import java.util.Set;
import org.keycloak.Config;

/** A sink factory's server options from a map, as {@code --spi-ciamkit-audit-sink--<id>--<option>} would give them. */
final class ServerOptions implements Config.Scope {

    private final Map<String, String> values;

    ServerOptions(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public String[] getArray(String key) {
        String value = values.get(key);
        return value == null ? null : value.split(",");
    }

    @Override
    public Integer getInt(String key, Integer defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : Integer.valueOf(value);
    }

    @Override
    public Long getLong(String key, Long defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : Long.valueOf(value);
    }

    @Override
    public Boolean getBoolean(String key, Boolean defaultValue) {
        String value = values.get(key);
        return value == null ? defaultValue : Boolean.valueOf(value);
    }

    @Override
    public Config.Scope scope(String... scope) {
        return new ServerOptions(Map.of());
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Config.Scope root() {
        return this;
    }
}
