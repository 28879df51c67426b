package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.testkit.Notifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile and broken input on every route: mutated bodies (wrong types, missing and extra fields, huge numbers,
 * nesting), raw bytes that are not UTF-8 or not JSON, and junk in paths and query strings. Never a 5xx; every
 * refusal a problem document (and, via {@link LocalApi}, valid against openapi.yaml).
 * Needs: nothing but the JDK.
 */
class BadInputPropertyTest {
    private static String appealId;
    private static String officer;
    private static List<String[]> postRoutes;

    @BeforeContainer
    static void setUp() {
        appealId = LocalApi.verifiedAppeal("64.09", 10_000_000);
        officer = LocalApi.token("fuzz", "officer:64.09");
        postRoutes = List.of(
                new String[] {"/appeals", null},
                new String[] {"/appeals/" + appealId + "/donations", null},
                new String[] {"/admin/appeals/" + appealId + "/decisions", officer},
                new String[] {"/admin/appeals/" + appealId + "/disbursements", officer},
                new String[] {"/webhooks/midtrans", null},
                new String[] {"/webhooks/xendit", null});
    }

    private static ObjectNode validBody(int route) {
        return switch (route) {
            case 0 -> LocalApi.appealBody("64.09");
            case 1 -> PaymentsApiTest.body(10_000, "midtrans");
            case 2 -> Json.object().put("decision", "CLOSE").put("reason", "x");
            case 3 -> Json.object().put("amount", 1).put("recipient", "RSUD").put("reference", "T");
            case 4 -> LocalApi.midtrans("peduli-fuzz", "settlement", "10000.00", "accept");
            default -> Notifications.xendit("peduli-fuzz", "PAID", 10_000, 10_000L);
        };
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(new BigInteger(80 + random.nextInt(60), random).negate());
            case 4 -> f.numberNode(random.nextDouble() * 1e6);
            case 5 -> f.textNode("");
            case 6 -> f.textNode("\u0000\u202e'\"<script>${jndi:x}".repeat(1 + random.nextInt(3)));
            case 7 -> f.textNode("x".repeat(random.nextInt(6000)));
            case 8 -> f.textNode("😷".repeat(random.nextInt(120)));
            case 9 -> {
                ArrayNode a = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomValue(random, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = f.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set("k" + random.nextInt(5), randomValue(random, depth + 1));
                }
                yield o;
            }
        };
    }

    /** Replaces, removes or adds fields at random anywhere in the body. */
    private static void mutate(ObjectNode node, Random random, int mutations) {
        for (int m = 0; m < mutations; m++) {
            ObjectNode target = node;
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            if (!names.isEmpty() && target.get(names.get(0)) instanceof ObjectNode nested && random.nextInt(3) == 0) {
                target = nested;
                names.clear();
                target.fieldNames().forEachRemaining(names::add);
            }
            int choice = random.nextInt(3);
            if (choice == 0 && !names.isEmpty()) {
                target.remove(names.get(random.nextInt(names.size())));
            } else if (choice == 1 && !names.isEmpty()) {
                target.set(names.get(random.nextInt(names.size())), randomValue(random, 0));
            } else {
                target.set(List.of("status", "raisedAmount", "id", "__proto__", "a/b~c", "").get(random.nextInt(6)), randomValue(random, 0));
            }
        }
    }

    private static void assertRefusedCleanly(LocalApi.Response r) {
        assertThat(r.status()).as(r.text()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.header("content-type")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
        }
    }

    @Provide
    Arbitrary<Integer> routes() {
        return Arbitraries.integers().between(0, 5);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void mutatedBodies_areNeverA5xx(@ForAll("routes") int route, @ForAll long seed) {
        Random random = new Random(seed);
        ObjectNode body = validBody(route);
        mutate(body, random, 1 + random.nextInt(4));
        String[] r = postRoutes.get(route);
        List<String> headers = new ArrayList<>(List.of("content-type", "application/json", "x-callback-token", LocalApi.xenditToken()));
        if (r[1] != null) {
            headers.addAll(List.of("authorization", "Bearer " + r[1]));
        }
        assertRefusedCleanly(LocalApi.send("POST", r[0], Json.write(body), headers.toArray(String[]::new)));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void rawBytes_areNeverA5xx(@ForAll("routes") int route, @ForAll byte[] bytes) {
        String[] r = postRoutes.get(route);
        String body = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> headers = new ArrayList<>(List.of("content-type", "application/json", "x-callback-token", LocalApi.xenditToken()));
        if (r[1] != null) {
            headers.addAll(List.of("authorization", "Bearer " + r[1]));
        }
        assertRefusedCleanly(LocalApi.send("POST", r[0], body, headers.toArray(String[]::new)));
    }

    @Property(tries = 120, shrinking = ShrinkingMode.OFF)
    void junkInPathsAndQueries_isNeverA5xx(@ForAll("junk") String junk, @ForAll("getRoutes") String template) {
        // fully encoded and never empty, so the junk stays inside its path segment or parameter
        String encoded = junk.isEmpty() ? "%20" : URLEncoder.encode(junk, StandardCharsets.UTF_8)
                .replace("+", "%20").replace(".", "%2E").replace("*", "%2A");
        String path = template.replace("{id}", appealId).replace("{junk}", encoded);
        assertRefusedCleanly(LocalApi.get(path, "authorization", "Bearer " + officer));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("-1", "0", "101", "1e3", "99999999999999999999", "NaN", "64.", ".", "%", "null",
                        "eyJxIjoieCJ9.AAAA", "../../etc/passwd", "' OR 1=1 --"));
    }

    @Provide
    Arbitrary<String> getRoutes() {
        return Arbitraries.of(
                "/appeals/{junk}", "/appeals?regionCode={junk}", "/appeals?limit={junk}", "/appeals?cursor={junk}",
                "/appeals/{junk}/ledger", "/appeals/{id}/ledger?limit={junk}", "/appeals/{id}/ledger?cursor={junk}",
                "/appeals/{junk}/ledger.csv", "/donations/{junk}", "/admin/appeals?status={junk}",
                "/admin/appeals?regionCode={junk}", "/admin/appeals?cursor={junk}", "/admin/appeals/{junk}");
    }

    @Example
    void deeplyNestedAndHugeJson_isRefused() {
        String deep = "{\"patient\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertRefusedCleanly(LocalApi.send("POST", "/appeals", deep, "content-type", "application/json"));
        String longNumber = "{\"targetAmount\":" + "9".repeat(5_000) + "}";
        assertRefusedCleanly(LocalApi.send("POST", "/appeals", longNumber, "content-type", "application/json"));
        String duplicate = "{\"amount\":10000,\"amount\":99999999,\"provider\":\"midtrans\"}";
        LocalApi.Response r = LocalApi.send("POST", "/appeals/" + appealId + "/donations", duplicate, "content-type", "application/json");
        assertThat(r.status()).isEqualTo(400);
    }
}
