package id.peduli.core.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kemendagri region codes (Kepmendagri 300.2.2-2138/2025): provinces {@code NN}, regencies and cities
 * {@code NN.NN}, districts {@code NN.NN.NN}. Shipped as a resource; loaded once per container on first use.
 */
public final class Regions {
    private static final String RESOURCE = "wilayah-kemendagri-2025.csv";

    private Regions() {}

    private static final class Holder {
        static final Map<String, String> NAMES = load();
    }

    public static boolean exists(String code) {
        return code != null && Holder.NAMES.containsKey(code);
    }

    public static Optional<String> name(String code) {
        return Optional.ofNullable(Holder.NAMES.get(code));
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>(16_384);
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("region codes resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: code,name,level
            for (String line; (line = reader.readLine()) != null; ) {
                int first = line.indexOf(',');
                int last = line.lastIndexOf(',');
                if (first > 0 && last > first) {
                    names.put(line.substring(0, first), line.substring(first + 1, last));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
