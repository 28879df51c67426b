package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.embedded.DataDirLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a newcomer meets it: help, wrong options, a taken port, a data directory in use, a ledger
 * that does not exist. Exit codes 0 (done), 1 (failed), 2 (usage); errors are one line, never a stack trace.
 * Needs: nothing but the JDK (the stacks it starts run in memory or in a temporary directory).
 */
class CommandLineTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void help_printsUsage_andExitsZero() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage:", "--port", "--data-dir", "--in-memory", "invoke", "verify-ledger");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anOptionWithoutItsValue_isAOneLineUsageError() {
        Run run = run("--port");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--port").contains("--help");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnknownCommandOrOption_isAUsageError() {
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        assertThat(run("--prot", "3000").exit()).isEqualTo(2);
        assertThat(run("verify-ledger", "http://127.0.0.1:1").exit()).isEqualTo(2);
    }

    @Test
    void aTakenPort_failsAtOnce_withOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> run("--in-memory", "--port", Integer.toString(taken.getLocalPort())));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err().strip()).doesNotContain("\n")
                    .contains("port " + taken.getLocalPort()).contains("--port N");
        }
    }

    @Test
    void aDataDirectoryInUse_isRefused_soTwoStacksNeverShareOne(@TempDir Path dir) throws Exception {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            Run second = run("--data-dir", dir.toString(), "--port", "0");

            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.err().strip()).doesNotContain("\n").contains("another Peduli local stack is using");
        }
        // released on close: the directory can be taken again
        try (DataDirLock again = DataDirLock.acquire(dir)) {
            assertThat(Files.exists(dir.resolve(".lock"))).isTrue();
        }
    }

    @Test
    void verifyLedger_ofAnUnknownAppeal_saysNotFound_notBroken() {
        Run run = run("verify-ledger", LocalApi.stack().baseUrl(), "AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain("BROKEN");
    }

    @Test
    void verifyLedger_ofAStackThatIsNotRunning_isOneLine() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        Run run = run("verify-ledger", "http://127.0.0.1:" + free, "AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("cannot connect");
    }
}
