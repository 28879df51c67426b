package id.peduli.bench.child;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time this process has used so far (all its threads, user and system), from {@code /proc/self/stat}, in
 * milliseconds; -1 where there is no such file. Printed by a child as {@code cpu N} right after its status line, so
 * reading it costs nothing the parent's clock sees. Linux counts it in ticks of 10 ms (USER_HZ 100).
 */
final class Cpu {
    private Cpu() {}

    static final long TICK_MS = 10;

    static long ms() {
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/self/stat")), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS;
        } catch (Exception e) {
            return -1;
        }
    }

    static void print() {
        System.out.println("cpu " + ms());
        System.out.flush();
    }
}
