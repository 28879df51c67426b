package id.peduli.local;

import id.peduli.local.auth.LocalIssuer;
import id.peduli.local.testkit.LocalApi;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every officer route against every kind of token, in one table: none, malformed, expired, wrong issuer, wrong
 * audience, {@code alg: none}, signed with another key, tampered, wrong region, right regency, right province.
 * Needs: nothing but the JDK.
 */
class AuthorizationMatrixTest {
    private static final String REGENCY = "63.01";
    private static String appealId;
    private static String documentId;

    @BeforeAll
    static void anAppealInTheRegency_withADocumentNotYetUploaded() {
        LocalApi.Reported reported = LocalApi.report(appealBody(REGENCY));
        appealId = reported.id();
        documentId = DocumentsApiTest.announce(reported, "KTP", "application/pdf", 100).get("id").asText();
    }

    enum Route {
        QUEUE("GET", id -> "/admin/appeals?regionCode=" + REGENCY, null),
        VIEW("GET", id -> "/admin/appeals/" + id, null),
        // CLOSE on a SUBMITTED appeal: authorised callers get 409, so the appeal is never changed by the matrix
        DECIDE("POST", id -> "/admin/appeals/" + id + "/decisions", "{\"decision\":\"CLOSE\",\"reason\":\"x\"}"),
        // a SUBMITTED appeal accepts no disbursement: authorised callers get 409
        DISBURSE("POST", id -> "/admin/appeals/" + id + "/disbursements",
                "{\"amount\":1000,\"recipient\":\"RSUD\",\"reference\":\"T-1\"}"),
        LIST_DOCUMENTS("GET", id -> "/admin/appeals/" + id + "/documents", null),
        // authorised callers announce a document (201): two per run, well under the limit of twelve
        ADD_DOCUMENT("POST", id -> "/admin/appeals/" + id + "/documents",
                "{\"kind\":\"OTHER\",\"contentType\":\"application/pdf\",\"size\":100}"),
        // nothing was uploaded for the document: authorised callers get 409
        COMPLETE_DOCUMENT("POST", id -> "/admin/appeals/" + id + "/documents/" + documentId + "/complete", null);

        final String method;
        final Function<String, String> path;
        final String body;

        Route(String method, Function<String, String> path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }
    }

    static Stream<Arguments> matrix() throws Exception {
        LocalIssuer issuer = LocalApi.stack().issuer();
        List<String> inScope = List.of("officer:" + REGENCY);
        String valid = issuer.mint("siska", inScope, 600);
        String[] parts = valid.split("\\.");
        List<Object[]> tokens = List.of(
                new Object[] {"no token", null, 401},
                new Object[] {"not a JWT", "Bearer abc.def.ghi", 401},
                new Object[] {"basic scheme", "Basic " + valid, 401},
                new Object[] {"expired", "Bearer " + issuer.sign(LocalIssuer.claims("siska", inScope, 600)
                        .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build()), 401},
                new Object[] {"wrong issuer", "Bearer " + issuer.sign(LocalIssuer.claims("siska", inScope, 600)
                        .issuer("https://evil.example/issuer").build()), 401},
                new Object[] {"wrong audience", "Bearer " + issuer.sign(LocalIssuer.claims("siska", inScope, 600)
                        .audience("someone-else").build()), 401},
                new Object[] {"alg none", "Bearer " + new PlainJWT(LocalIssuer.claims("siska", inScope, 600).build()).serialize(), 401},
                new Object[] {"HS256 with a guessed secret", "Bearer " + hs256(LocalIssuer.claims("siska", inScope, 600).build()), 401},
                new Object[] {"another key", "Bearer " + LocalIssuer.open(null).mint("siska", inScope, 600), 401},
                new Object[] {"tampered groups", "Bearer " + parts[0] + "." + Base64URL.encode(
                        LocalIssuer.claims("siska", List.of("officer:64"), 600).build().toString()) + "." + parts[2], 401},
                new Object[] {"wrong region", "Bearer " + issuer.mint("o", List.of("officer:64.74"), 600), 403},
                new Object[] {"wrong province", "Bearer " + issuer.mint("o", List.of("officer:64"), 600), 403},
                new Object[] {"no officer group", "Bearer " + issuer.mint("o", List.of("admin"), 600), 403},
                new Object[] {"right regency", "Bearer " + valid, 0},
                new Object[] {"right province", "Bearer " + issuer.mint("o", List.of("officer:63"), 600), 0});
        List<Arguments> cases = new ArrayList<>();
        for (Route route : Route.values()) {
            for (Object[] t : tokens) {
                cases.add(Arguments.of(route, t[0], t[1], t[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void officerRoute_answersByToken(Route route, String tokenName, String authorization, int expected) {
        List<String> headers = new ArrayList<>(List.of("content-type", "application/json"));
        if (authorization != null) {
            headers.addAll(List.of("authorization", authorization));
        }
        LocalApi.Response r = send(route.method, route.path.apply(appealId), route.body, headers.toArray(String[]::new));

        if (expected == 0) {
            assertThat(r.status()).as(r.text()).isIn(200, 201, 409);
            if (r.status() == 201) {
                LocalApi.presigned(r.json().get("upload").get("url").asText());
            }
        } else {
            assertThat(r.status()).as(r.text()).isEqualTo(expected);
            assertThat(r.text()).doesNotContain(appealId.equals("") ? "-" : "Muhammad");
        }
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("a-secret-an-attacker-might-guess-0123456789"));
        return jwt.serialize();
    }
}
