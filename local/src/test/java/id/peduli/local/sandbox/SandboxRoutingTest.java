package id.peduli.local.sandbox;

import static id.peduli.local.sandbox.Sandboxes.SECRET_KEY;
import static id.peduli.local.sandbox.Sandboxes.SERVER_KEY;
import static id.peduli.local.sandbox.Sandboxes.CALLBACK_TOKEN;
import static id.peduli.local.sandbox.Sandboxes.basic;
import static id.peduli.local.sandbox.Sandboxes.bytes;
import static id.peduli.local.sandbox.Sandboxes.invoiceCreate;
import static id.peduli.local.sandbox.Sandboxes.json;
import static id.peduli.local.sandbox.Sandboxes.orderId;
import static id.peduli.local.sandbox.Sandboxes.snapCreate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sandbox's routes as a whole, its counts, and what it keeps to itself. Needs nothing but the JDK. */
class SandboxRoutingTest extends OnASandbox {
    @Test
    void anUnknownSandboxPath_isA404ProblemDocument() {
        // when paths the sandbox does not serve are asked
        for (String path : new String[] {"/_sandbox/", "/_sandbox/nothing", "/_sandbox/midtrans/v2/x/cancel",
                "/_sandbox/xendit/v2/invoices/abc/extra", "/appeals"}) {
            SandboxResponse answer = sandbox.handle("GET", path, null, Map.of(), new byte[0]);

            // then 404 as JSON
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.headers().get("content-type")).as(path).isEqualTo("application/problem+json");
            assertThat(json(answer).path("status").asInt()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aKnownPathWithAnotherMethod_is405_sayingWhichItTakes() {
        // when Snap's create path is read with GET
        SandboxResponse answer = sandbox.handle("GET", "/_sandbox/midtrans/snap/v1/transactions", null, basic(SERVER_KEY), new byte[0]);

        // then 405 with allow
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers()).containsEntry("allow", "POST");
    }

    @Test
    void xenditsOwnTrailingSlash_reachesTheInvoiceRoute() {
        // when an invoice is created at /v2/invoices/ (the path Xendit's SDKs use)
        SandboxResponse created = sandbox.handle("POST", "/_sandbox/xendit/v2/invoices/", null, basic(SECRET_KEY),
                bytes(Sandboxes.invoiceBody(orderId(), 50_000)));

        // then it is created
        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void anOrderIdWithPercentEncoding_isLookedUpDecoded() {
        // given an order whose id has a character a path must encode
        String order = "ord~" + orderId();
        snapCreate(sandbox, order, 50_000);

        // when its status is asked with the id percent-encoded
        SandboxResponse answer = sandbox.handle("GET", "/_sandbox/midtrans/v2/" + order.replace("~", "%7E") + "/status",
                null, basic(SERVER_KEY), new byte[0]);

        // then it is found
        assertThat(json(answer).path("order_id").asText()).isEqualTo(order);
    }

    @Test
    void transactionsCreated_countsEveryProviderTransactionForAnOrder_andNoRefusedOne() {
        // given an order created at Snap, refused once as a duplicate, then also invoiced at Xendit
        String order = orderId();
        snapCreate(sandbox, order, 50_000);
        snapCreate(sandbox, order, 50_000);
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);

        // when Xendit also gets it
        invoiceCreate(sandbox, order, 50_000);

        // then two provider transactions exist for the one order (what "exactly one" tests elsewhere must catch)
        assertThat(sandbox.transactionsCreated(order)).isEqualTo(2);
        assertThat(sandbox.transactionsCreated(orderId())).isZero();
    }

    @Test
    void concurrentCreatesOfOneOrder_makeExactlyOneTransaction() throws Exception {
        // given sixteen threads ready to create the same Snap order at once
        String order = orderId();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return snapCreate(sandbox, order, 50_000).status();
                }));
            }

            // when they all go
            go.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                answers.add(f.get());
            }

            // then one 201, fifteen 400s, one transaction
            assertThat(answers).filteredOn(s -> s == 201).hasSize(1);
            assertThat(answers).filteredOn(s -> s == 400).hasSize(threads - 1);
            assertThat(sandbox.transactionsCreated(order)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void payOutcome_refusesABodyItDoesNotUnderstand_andAnUnknownReference() {
        // given a transaction
        String token = json(snapCreate(sandbox, orderId(), 50_000)).path("token").asText();
        String path = "/_sandbox/pay/" + token;

        // when bodies outside {"outcome","deliver"} are posted, then 400
        for (String body : new String[] {"", "[]", "{\"outcome\":\"paid\"}", "{\"outcome\":\"settlement\",\"deliver\":\"yes\"}",
                "{\"outcome\":\"settlement\",\"status\":\"settlement\"}"}) {
            assertThat(sandbox.handle("POST", path, null, Map.of(), bytes(body)).status()).as(body).isEqualTo(400);
        }
        // and an unknown reference is 404
        assertThat(sandbox.handle("POST", "/_sandbox/pay/nope", null, Map.of(), bytes("{\"outcome\":\"settlement\"}")).status())
                .isEqualTo(404);
        // and nothing changed or was posted
        assertThat(webhook.received()).isEmpty();
    }

    @Test
    void deliverDefaultsToTrue_whenTheBodyLeavesItOut() {
        // given a transaction
        String order = orderId();
        String token = json(snapCreate(sandbox, order, 50_000)).path("token").asText();

        // when it is paid with only an outcome
        SandboxResponse answer = sandbox.handle("POST", "/_sandbox/pay/" + token, null, Map.of(), bytes("{\"outcome\":\"settlement\"}"));

        // then the notification was posted
        assertThat(json(answer).path("delivered").asBoolean()).isTrue();
        assertThat(webhook.received()).hasSize(1);
    }

    @Test
    void theConfiguration_neverShowsItsKeysOrToken() {
        // given a configuration
        PaymentSandbox.Config config = PaymentSandbox.Config.of("http://127.0.0.1:3000/", SERVER_KEY, SECRET_KEY,
                CALLBACK_TOKEN, Sandboxes.HTTP);

        // when it is turned into text (as a careless log line would)
        String text = config.toString();

        // then no secret is in it, and the base URL lost its trailing slash
        assertThat(text).doesNotContain(SERVER_KEY).doesNotContain(SECRET_KEY).doesNotContain(CALLBACK_TOKEN);
        assertThat(config.baseUrl()).isEqualTo("http://127.0.0.1:3000");
        assertThat(config.midtransResends()).isEqualTo(PaymentSandbox.MIDTRANS_RESENDS);
        assertThat(config.xenditResends()).isEqualTo(PaymentSandbox.XENDIT_RESENDS);
    }
}
