package id.peduli.core;

import java.nio.charset.StandardCharsets;

/**
 * Configuration from the environment, as Lambda provides it. A JVM system property of the same name stands in where
 * environment variables cannot be set (the local stack hosting several functions in one process).
 */
public final class Config {
    private Config() {}

    public static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            value = System.getProperty(name);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    public static String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException("missing configuration " + name);
        }
        return value;
    }

    public static String tableName() {
        return require("TABLE_NAME");
    }

    public static byte[] secret(String name) {
        return require(name).getBytes(StandardCharsets.UTF_8);
    }
}
