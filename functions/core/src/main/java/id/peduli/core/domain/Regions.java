package id.peduli.core.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Kemendagri region codes (Kepmendagri 300.2.2-2138/2025): provinces {@code NN}, regencies and cities
 * {@code NN.NN}, districts {@code NN.NN.NN}. Shipped as a resource, one {@code code,name,level} line per region in
 * code order, and searched in place: a lookup is a binary search over the file's lines, so a cold start pays for
 * reading the file and nothing else (parsing its 7,800 lines cost every function several milliseconds).
 * {@code RegionsTest} holds the file to the order the search relies on.
 */
public final class Regions {
    static final String RESOURCE = "wilayah-kemendagri-2025.csv";

    private Regions() {}

    private static final class Table {
        static final byte[] LINES = load();
        /** Where the first region's line starts, after the header. */
        static final int FIRST = lineEnd(LINES, 0) + 1;
    }

    public static boolean exists(String code) {
        return code != null && find(code) >= 0;
    }

    public static Optional<String> name(String code) {
        int line = code == null ? -1 : find(code);
        if (line < 0) {
            return Optional.empty();
        }
        byte[] b = Table.LINES;
        int from = line + code.length() + 1;
        int to = lineEnd(b, from) - 1;
        while (b[to] != ',') {
            to--;
        }
        return Optional.of(new String(b, from, to - from, StandardCharsets.UTF_8));
    }

    /** The offset of the line for {@code code}, or -1 when there is none. */
    private static int find(String code) {
        byte[] b = Table.LINES;
        int lo = Table.FIRST;
        int hi = b.length;
        while (lo < hi) {
            int line = (lo + hi) >>> 1;
            while (line > lo && b[line - 1] != '\n') {
                line--;
            }
            int order = compare(b, line, code);
            if (order == 0) {
                return line;
            }
            if (order < 0) {
                lo = lineEnd(b, line) + 1;
            } else {
                hi = line;
            }
        }
        return -1;
    }

    /** The code of the line at {@code at} against {@code code}; a code sorts before every longer code it begins. */
    private static int compare(byte[] b, int at, String code) {
        for (int i = 0; ; i++) {
            boolean lineCodeEnds = b[at + i] == ',';
            boolean codeEnds = i == code.length();
            if (lineCodeEnds || codeEnds) {
                return lineCodeEnds == codeEnds ? 0 : lineCodeEnds ? -1 : 1;
            }
            int order = b[at + i] - code.charAt(i);
            if (order != 0) {
                return order;
            }
        }
    }

    /** The offset of the newline that ends the line containing {@code at}, or the end of the file. */
    private static int lineEnd(byte[] b, int at) {
        int i = at;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return i;
    }

    private static byte[] load() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("region codes resource missing: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
