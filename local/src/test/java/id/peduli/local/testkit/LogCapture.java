package id.peduli.local.testkit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the test JVM writes to standard output and error while the suite runs (the functions' logs among it),
 * and the secrets the suite handed out, so {@link PrivacyLogTest} can look for one in the other.
 */
public final class LogCapture {
    private static final StringBuilder CAPTURED = new StringBuilder();
    private static final int MAX = 64 << 20;
    public static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private LogCapture() {}

    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    public static void secret(String value) {
        if (value != null && value.length() >= 8) {
            SECRETS.add(value);
        }
    }

    public static synchronized String captured() {
        return CAPTURED.toString();
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                record(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                record(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static void record(byte[] b, int off, int len) {
        synchronized (LogCapture.class) {
            if (CAPTURED.length() < MAX) {
                CAPTURED.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
        }
    }
}
