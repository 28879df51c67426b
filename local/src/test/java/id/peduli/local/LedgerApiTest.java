package id.peduli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The public ledger. Needs: nothing but the JDK. */
class LedgerApiTest {

    /** What the verifier finds wrong with an appeal's public ledger (empty: it verifies). */
    static List<String> verify(String appealId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return LedgerVerifier.verify(LocalApi.stack().baseUrl(), appealId, new PrintStream(out, true, StandardCharsets.UTF_8));
    }
}
