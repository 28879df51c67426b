package id.peduli.local.web;

import id.peduli.local.testkit.LocalApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How officers sign in: /config.json chooses the local issuer or the Cognito Hosted UI. The Hosted UI path runs
 * against a stand-in for Cognito on loopback (authorize → redirect with a code → token exchange with the PKCE
 * verifier), which hands out a token of the local issuer so the API really accepts it; the S256 challenge is
 * checked against RFC 7636's own example. Needs: chromium and chromium-driver; starts the local stack in-process.
 */
class OfficerSignInTest {
    // RFC 7636, appendix B
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String CLIENT_ID = "peduli-officers-test-client";
    @RegisterExtension
    static final Browser browser = new Browser();
    private static FakeHostedUi cognito;

    @BeforeAll
    static void start() throws IOException {
        cognito = new FakeHostedUi();
    }

    @AfterAll
    static void stop() {
        if (cognito != null) {
            cognito.server.stop(0);
        }
    }

    @Test
    void theS256Challenge_isRfc7636sExample() {
        browser.open("/petugas");
        Object challenge = browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                import('/js/auth.js').then(m => m.challenge(arguments[0])).then(done, e => done(String(e)));
                """, RFC_VERIFIER);
        assertThat(challenge).isEqualTo(RFC_CHALLENGE);
        @SuppressWarnings("unchecked")
        List<Object> verifiers = (List<Object>) browser.jsAsync("""
                const done = arguments[arguments.length - 1];
                import('/js/auth.js').then(m => done([m.newVerifier(), m.newVerifier()]), e => done([String(e)]));
                """);
        assertThat(verifiers).hasSize(2).allSatisfy(v -> assertThat((String) v).matches("[A-Za-z0-9_-]{43}"));
        assertThat(verifiers.get(0)).isNotEqualTo(verifiers.get(1));
    }

    @Test
    void locally_theConsoleSignsInThroughTheLocalIssuer() {
        browser.open("/petugas");
        browser.awaitVisible("#s-sub");
        assertThat(browser.find("#cognito-note").isDisplayed()).isFalse();
    }

    @Test
    void withCognitoConfigured_theHostedUiCodeFlowWithPkce_signsIn_andLeavesNoSecretBehind() {
        String config = "{\"signIn\":\"cognito\",\"cognito\":{\"domain\":\"" + cognito.origin() + "\",\"clientId\":\"" + CLIENT_ID
                + "\",\"redirectUri\":\"" + LocalApi.baseUrl() + "/petugas\",\"scopes\":[\"openid\",\"email\"]}}";
        // The page reads /config.json; in this tab it reads the Cognito configuration (a deployed one, as
        // scripts/deploy-web.sh writes it) instead of the local one.
        Map<String, Object> added = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const real = window.fetch;
                  window.fetch = (url, init) => String(url).endsWith('/config.json')
                    ? Promise.resolve(new Response(%s, {headers: {'content-type': 'application/json'}}))
                    : real(url, init);
                })();
                """.formatted(quoted(config))));
        try {
            browser.open("/petugas");
            browser.awaitVisible("#cognito-note");
            assertThat(browser.find("#local-fields").isDisplayed()).isFalse();
            browser.check("27-officer-signin-cognito");

            browser.find("#signin button[type=submit]").click();
            browser.awaitVisible("#who");

            // The Hosted UI was asked for a code with an S256 challenge; the exchange proved the verifier.
            Map<String, String> authorize = cognito.authorizations.get(0);
            assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", CLIENT_ID)
                    .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", LocalApi.baseUrl() + "/petugas")
                    .containsEntry("scope", "openid email");
            assertThat(authorize.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            Map<String, String> exchange = cognito.exchanges.get(0);
            assertThat(exchange).containsEntry("grant_type", "authorization_code").containsEntry("client_id", CLIENT_ID)
                    .containsEntry("redirect_uri", LocalApi.baseUrl() + "/petugas");
            assertThat(s256(exchange.get("code_verifier"))).isEqualTo(authorize.get("code_challenge"));

            // Signed in, with the token the API accepts; nothing of the trip is left anywhere it could leak.
            assertThat(browser.find("#who").getText()).contains("cognito-officer", "Kota Bontang");
            browser.await(d -> !browser.find("#q-info").getText().startsWith("Memuat"));
            assertThat(browser.find("#q-info").getText()).doesNotContain("Sesi", "401");
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(LocalApi.baseUrl() + "/petugas");
            assertThat(browser.js("return sessionStorage.getItem('peduli.pkce')")).isNull();
            assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
            assertThat(browser.js("return location.search")).isEqualTo("");
            browser.check("28-officer-cognito-signed-in");

            // Signing out ends the Hosted UI's session too, and comes back to the sign-in.
            browser.find("#signout").click();
            browser.await(d -> cognito.logouts.size() == 1);
            browser.awaitVisible("#cognito-note");
            assertThat(browser.js("return sessionStorage.getItem('peduli.officer')")).isNull();

            // A return that this tab never started (a stale or forged state) signs nobody in, and says so.
            browser.open("/petugas?code=forged&state=not-ours");
            browser.awaitText("#o-message", "Proses masuk sudah kedaluwarsa");
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("code=");
            assertThat(cognito.exchanges).hasSize(1);
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    private static String quoted(String json) {
        return "'" + json.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stand-in for the Cognito Hosted UI on loopback: /oauth2/authorize redirects back with a code, /oauth2/token
     * answers tokens only for the verifier whose S256 is the code's challenge, /logout redirects to logout_uri.
     */
    private static final class FakeHostedUi {
        final HttpServer server;
        final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> exchanges = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> logouts = new CopyOnWriteArrayList<>();
        private final Map<String, String> challenges = new ConcurrentHashMap<>();

        FakeHostedUi() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/authorize", this::authorize);
            server.createContext("/oauth2/token", this::token);
            server.createContext("/logout", this::logout);
            server.start();
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void authorize(HttpExchange x) throws IOException {
            Map<String, String> q = form(x.getRequestURI().getRawQuery());
            authorizations.add(q);
            String code = "code-" + authorizations.size();
            challenges.put(code, q.getOrDefault("code_challenge", ""));
            redirect(x, q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state"));
        }

        private void token(HttpExchange x) throws IOException {
            Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchanges.add(f);
            String challenge = challenges.remove(f.getOrDefault("code", ""));
            boolean ok = challenge != null && s256(f.getOrDefault("code_verifier", "")).equals(challenge);
            String token = ok ? LocalApi.token("cognito-officer", "officer:64.74") : null;
            byte[] body = (ok ? "{\"access_token\":\"" + token + "\",\"id_token\":\"" + token
                    + "\",\"refresh_token\":\"never-kept\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                    : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("content-type", "application/json");
            String origin = x.getRequestHeaders().getFirst("origin");
            if (origin != null) {
                x.getResponseHeaders().set("access-control-allow-origin", origin);
            }
            x.sendResponseHeaders(ok ? 200 : 400, body.length);
            x.getResponseBody().write(body);
            x.close();
        }

        private void logout(HttpExchange x) throws IOException {
            Map<String, String> q = form(x.getRequestURI().getRawQuery());
            logouts.add(q);
            redirect(x, q.get("logout_uri"));
        }

        private static void redirect(HttpExchange x, String location) throws IOException {
            x.getResponseHeaders().set("location", URI.create(location).toString());
            x.sendResponseHeaders(302, -1);
            x.close();
        }

        private static Map<String, String> form(String raw) {
            Map<String, String> out = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return out;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
            return out;
        }
    }
}
