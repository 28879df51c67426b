package id.peduli.core;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.domain.Nik;
import id.peduli.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reporter tokens and NIK hashes are {@link Secrets#hmac} under their own labels: checked against HMAC-SHA256
 * computed here from the pepper, the label, a NUL and the value, so a second derivation creeping back is caught.
 */
class SecretsTest {
    private static final String APPEAL = "WGRLY_xLt3pRsp3Aezo8Tg";
    private static final Nik NIK = new Nik("6474011203900001");

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private static byte[] hmac(byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Config.secret("NIK_PEPPER"), "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] labelled(String label, String value) {
        return (label + "\0" + value).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theReporterToken_isTheLabelledHmacOfTheAppealId() throws Exception {
        String token = ReporterToken.of(APPEAL);

        assertThat(token).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(labelled("reporter-token", APPEAL))));
        assertThat(token).hasSize(43);
        // the derivation before: the label and the id run together, no separator
        assertThat(token).isNotEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac(("reporter-token:" + APPEAL).getBytes(StandardCharsets.UTF_8))));
        assertThat(ReporterToken.matches(APPEAL, token)).isTrue();
        assertThat(ReporterToken.matches("XGRLY_xLt3pRsp3Aezo8Tg", token)).isFalse();
    }

    @Test
    void theNikHash_isTheLabelledHmacOfTheNik() throws Exception {
        String hash = NikHash.of(NIK);

        assertThat(hash).isEqualTo(HexFormat.of().formatHex(hmac(labelled("nik-hash", NIK.value()))));
        // the derivation before: the NIK alone
        assertThat(hash).isNotEqualTo(HexFormat.of().formatHex(hmac(NIK.value().getBytes(StandardCharsets.UTF_8))));
        assertThat(NikHash.of(new Nik("6474011203900001"))).isEqualTo(hash);
        assertThat(NikHash.of(new Nik("6474011203900002"))).isNotEqualTo(hash);
    }

    @Test
    void theLabels_keepDerivedValuesApart() {
        byte[] asNik = Secrets.hmac(NikHash.LABEL, APPEAL);
        byte[] asToken = Secrets.hmac(ReporterToken.LABEL, APPEAL);

        assertThat(asNik).isNotEqualTo(asToken);
        assertThat(Secrets.hmac("a", "bc")).isNotEqualTo(Secrets.hmac("ab", "c"));
    }
}
