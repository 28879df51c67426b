package id.peduli.bench;

import id.peduli.core.store.dynamodb.Keys;
import id.peduli.local.gateway.LocalContext;
import id.peduli.local.template.Template;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.appeals.GetAppealHandler;
import id.peduli.appeals.ListAppealsHandler;
import id.peduli.appeals.SubmitAppealHandler;
import id.peduli.core.Config;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import id.peduli.donations.MidtransWebhookHandler;
import id.peduli.donations.Gateways;
import id.peduli.donations.PledgeHandler;
import id.peduli.donations.ReceiptHandler;
import id.peduli.donations.XenditWebhookHandler;
import id.peduli.ledger.DisbursementHandler;
import id.peduli.ledger.LedgerCsvHandler;
import id.peduli.ledger.LedgerHandler;
import id.peduli.verification.DecideAppealHandler;
import id.peduli.verification.OfficerAppealHandler;
import id.peduli.verification.OfficerQueueHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The data the benchmark runs against, seeded through the functions themselves (submit, verify, pledge, settle), and
 * for each function of the template a scenario: a realistic event on fresh state where the route changes state.
 */
final class BenchWorld {
    /** Bontang: the public appeals, the officers' queue, the ledgers read. */
    static final String REGION = "64.74";
    /** Kutai Timur: appeals submitted during the bench (kept out of Bontang's queue and listing). */
    static final String SUBMIT_REGION = "64.08";
    /** Samarinda: appeals created to be decided during the bench. */
    static final String DECIDE_REGION = "64.72";
    /** Balikpapan: appeals settled into by the throughput run. */
    static final String SETTLE_REGION = "64.71";
    static final long BIG_TARGET = 2_000_000_000L;
    static final long DONATION = 50_000;

    final String table;
    final String midtransKey = Config.require("MIDTRANS_SERVER_KEY");
    final String xenditToken = Config.require("XENDIT_CALLBACK_TOKEN");
    final DynamoDbClient admin;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

    String publicAppeal;
    String ledgerAppeal;
    String disburseAppeal;
    String receiptId;

    BenchWorld(String table, DynamoDbClient admin) {
        this.table = table;
        this.admin = admin;
    }

    /** A function's answer: status and body text. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The container's handler for this class, built once as Lambda builds it (public no-argument constructor). */
    RequestStreamHandler handler(String className) {
        return handlers.computeIfAbsent(className, n -> {
            try {
                return (RequestStreamHandler) Class.forName(n).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + n, e);
            }
        });
    }

    static Answer invoke(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of("bench", "bench", 15));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(out.toByteArray());
    }

    static Answer answer(byte[] output) {
        try {
            JsonNode answer = Json.mapper().readTree(output);
            return new Answer(answer.path("statusCode").asInt(-1), answer.path("body").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer call(Class<?> handlerClass, ObjectNode event) {
        return invoke(handler(handlerClass.getName()), BenchEvents.bytes(event));
    }

    private Answer expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    // ---- seeding through the functions

    String submit(String region, long target) {
        return submitted(region, target).get("id").asText();
    }

    /** The submission's answer: the appeal's id and the reporter's token among it. */
    JsonNode submitted(String region, long target) {
        return expect(201, call(SubmitAppealHandler.class, BenchEvents.submit(region, target, null)), "submit").json();
    }

    void verify(String id, String region) {
        expect(200, call(DecideAppealHandler.class, BenchEvents.verify(id, region)), "verify");
    }

    String verifiedAppeal(String region, long target) {
        String id = submit(region, target);
        verify(id, region);
        return id;
    }

    /** A pending donation: [receipt id, order id]. */
    String[] pledge(String appealId, long amount, String provider) {
        JsonNode created = expect(201, call(PledgeHandler.class, BenchEvents.pledge(appealId, amount, provider)), "pledge").json();
        return new String[] {created.get("id").asText(), created.get("orderId").asText()};
    }

    void settle(String orderId, long amount) {
        settle("midtrans", orderId, amount);
    }

    /** The provider's notification that the order is paid, from the provider it was pledged through. */
    void settle(String provider, String orderId, long amount) {
        Answer a = provider.equals("xendit")
                ? expect(200, call(XenditWebhookHandler.class, BenchEvents.xenditPaid(orderId, amount, xenditToken)), "settle")
                : expect(200, call(MidtransWebhookHandler.class, BenchEvents.midtransSettlement(orderId, amount, midtransKey)), "settle");
        if (!a.body().contains("applied")) {
            throw new IllegalStateException("settle did not apply: " + a.body());
        }
    }

    /** Seeds the appeals, donations and ledgers the scenarios read. */
    void seed(int listed, int ledgerEntries) {
        publicAppeal = verifiedAppeal(REGION, BIG_TARGET);
        for (int i = 0; i < 3; i++) {
            String[] d = pledge(publicAppeal, DONATION, "midtrans");
            settle(d[1], DONATION);
            receiptId = d[0];
        }
        for (int i = 1; i < listed; i++) {
            verifiedAppeal(REGION, 10_000_000L + i * 1_000_000L);
        }
        for (int i = 0; i < listed; i++) {
            submit(REGION, 15_000_000L);
        }
        ledgerAppeal = verifiedAppeal(REGION, BIG_TARGET);
        for (int i = 0; i < ledgerEntries; i++) {
            String provider = i % 2 == 0 ? "midtrans" : "xendit";
            settle(provider, pledge(ledgerAppeal, DONATION + i * 1_000L, provider)[1], DONATION + i * 1_000L);
        }
        disburseAppeal = verifiedAppeal(REGION, BIG_TARGET);
        settle(pledge(disburseAppeal, 100_000_000L, "midtrans")[1], 100_000_000L);
    }

    String status(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = admin.getItem(g -> g.tableName(table).consistentRead(true).key(key)).item();
        return item == null || !item.containsKey("status") ? null : item.get("status").s();
    }

    // ---- scenarios

    /** A prepared request: the event, and a check that its effect is really there once it has been handled. */
    record Prepared(ObjectNode event, BooleanSupplier effect) {
        Prepared(ObjectNode event) {
            this(event, () -> true);
        }
    }

    /** One function on one realistic request; {@code next} prepares fresh state where the route changes state. */
    record Scenario(Template.Function function, String routeKey, int expected, Supplier<Prepared> next,
                    Function<Stores, HttpFunction> factory) {}

    /** The scenarios for the template's functions, in the template's order; unknown handlers are left out. */
    List<Scenario> scenarios(List<Template.Function> functions) {
        List<Scenario> all = new ArrayList<>();
        for (Template.Function f : functions) {
            Scenario s = scenario(f);
            if (s != null) {
                all.add(s);
            }
        }
        return all;
    }

    private Scenario scenario(Template.Function f) {
        String route = f.routes().isEmpty() ? f.logicalId() : f.routes().get(0).routeKey();
        Clock clock = Clock.systemUTC();
        String simple = f.handlerClass().substring(f.handlerClass().lastIndexOf('.') + 1);
        return switch (simple) {
            case "SubmitAppealHandler" -> new Scenario(f, route, 201,
                    () -> new Prepared(BenchEvents.submit(SUBMIT_REGION, 25_000_000L, "bench-submit-" + BenchEvents.serial())),
                    s -> new SubmitAppealHandler(s, clock));
            case "ListAppealsHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/appeals", "/appeals", null, Map.of("regionCode", "64"), null)),
                    ListAppealsHandler::new);
            case "GetAppealHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/appeals/{id}", "/appeals/" + publicAppeal,
                            Map.of("id", publicAppeal), null, null)),
                    GetAppealHandler::new);
            case "OfficerQueueHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/admin/appeals", "/admin/appeals", null, null,
                            BenchEvents.officer(REGION))),
                    OfficerQueueHandler::new);
            case "OfficerAppealHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/admin/appeals/{id}", "/admin/appeals/" + publicAppeal,
                            Map.of("id", publicAppeal), null, BenchEvents.officer(REGION))),
                    OfficerAppealHandler::new);
            case "DecideAppealHandler" -> new Scenario(f, route, 200, () -> {
                String id = submit(DECIDE_REGION, 20_000_000L);
                return new Prepared(BenchEvents.verify(id, DECIDE_REGION),
                        () -> "VERIFIED".equals(status(Keys.appeal(id))));
            }, s -> new DecideAppealHandler(s, clock));
            case "PledgeHandler" -> new Scenario(f, route, 201,
                    () -> new Prepared(BenchEvents.pledge(publicAppeal, DONATION, "midtrans")),
                    s -> new PledgeHandler(s, Gateways.fromEnvironment(), Config.require("WEB_ORIGIN"), clock));
            case "ReceiptHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/donations/{id}", "/donations/" + receiptId,
                            Map.of("id", receiptId), null, null)),
                    ReceiptHandler::new);
            case "MidtransWebhookHandler" -> new Scenario(f, route, 200, () -> {
                String order = pledge(publicAppeal, DONATION, "midtrans")[1];
                return new Prepared(BenchEvents.midtransSettlement(order, DONATION, midtransKey),
                        () -> "SETTLED".equals(status(Keys.donation(order))));
            }, s -> new MidtransWebhookHandler(s, midtransKey, clock));
            case "XenditWebhookHandler" -> new Scenario(f, route, 200, () -> {
                String order = pledge(publicAppeal, DONATION, "xendit")[1];
                return new Prepared(BenchEvents.xenditPaid(order, DONATION, xenditToken),
                        () -> "SETTLED".equals(status(Keys.donation(order))));
            }, s -> new XenditWebhookHandler(s, xenditToken, clock));
            case "LedgerHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/appeals/{id}/ledger", "/appeals/" + ledgerAppeal + "/ledger",
                            Map.of("id", ledgerAppeal), Map.of("limit", "100"), null)),
                    LedgerHandler::new);
            case "LedgerCsvHandler" -> new Scenario(f, route, 200,
                    () -> new Prepared(BenchEvents.get("/appeals/{id}/ledger.csv", "/appeals/" + ledgerAppeal + "/ledger.csv",
                            Map.of("id", ledgerAppeal), null, null)),
                    LedgerCsvHandler::new);
            case "DisbursementHandler" -> new Scenario(f, route, 201,
                    () -> new Prepared(BenchEvents.disbursement(disburseAppeal, REGION, 10_000L,
                            "bench-disburse-" + BenchEvents.serial())),
                    s -> new DisbursementHandler(s, clock));
            default -> null;
        };
    }
}
