package id.peduli.bench;

import id.peduli.core.Config;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.donations.MidtransWebhookHandler;
import id.peduli.donations.Gateways;
import id.peduli.donations.PledgeHandler;
import id.peduli.ledger.LedgerHandler;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a donation costs: the capacity DynamoDB reports ({@code ReturnConsumedCapacity=TOTAL}, added up by a
 * recording client the bench builds) for a pledge, its settlement webhook and one ledger page of 100, and the AWS
 * list price of a million donations (each: pledge + webhook + one ledger read) on Lambda arm64 at 1024 MB with the
 * warm durations measured here, HTTP API requests and DynamoDB on-demand.
 */
final class BenchCost {
    private BenchCost() {}

    /** AWS list prices, us-east-1 (N. Virginia), as of 2025. */
    static final double LAMBDA_ARM_GB_SECOND = 0.0000133334;
    static final double LAMBDA_REQUEST = 0.20 / 1e6;
    static final double HTTP_API_REQUEST = 1.00 / 1e6;
    static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
    static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
    static final double MEMORY_GB = 1024 / 1024.0;

    record Units(double read, double write, String calls, List<String> transactions, double localTransactionUnits) {}

    record Result(Units pledge, Units webhook, Units ledgerPage, double pledgeMs, double webhookMs, double ledgerMs,
                  double lambdaUsd, double apiUsd, double dynamoUsd) {
        double usdPerMillion() {
            return lambdaUsd + apiUsd + dynamoUsd;
        }
    }

    static Result run(BenchWorld world, BenchInterceptor recorder, DynamoDbClient recordingClient, String ledgerAppeal,
                      long ledgerMiddle, double pledgeMs, double webhookMs, double ledgerMs, int samples) {
        Stores stores = Wiring.on(new Dynamo(recordingClient, world.table));
        Clock clock = Clock.systemUTC();
        HttpFunction pledge = new PledgeHandler(stores, Gateways.fromEnvironment(), Config.require("WEB_ORIGIN"), clock);
        HttpFunction webhook = new MidtransWebhookHandler(stores, world.midtransKey, clock);
        HttpFunction ledger = new LedgerHandler(stores);

        Units p = average(recorder, samples, () -> {
            byte[] event = BenchEvents.bytes(BenchEvents.pledge(world.publicAppeal, BenchWorld.DONATION, "midtrans"));
            return () -> BenchWorld.invoke(pledge, event);
        }, 201);
        Units w = average(recorder, samples, () -> {
            String order = world.pledge(world.publicAppeal, BenchWorld.DONATION, "midtrans")[1];
            byte[] event = BenchEvents.bytes(BenchEvents.midtransSettlement(order, BenchWorld.DONATION, world.midtransKey));
            return () -> BenchWorld.invoke(webhook, event);
        }, 200);
        Units l = average(recorder, samples, () -> {
            byte[] event = BenchEvents.bytes(BenchLedger.page(ledgerAppeal, ledgerMiddle));
            return () -> BenchWorld.invoke(ledger, event);
        }, 200);

        double lambda = 0;
        for (double ms : new double[] {pledgeMs, webhookMs, ledgerMs}) {
            lambda += Math.ceil(ms) / 1000.0 * MEMORY_GB * LAMBDA_ARM_GB_SECOND + LAMBDA_REQUEST;
        }
        double api = 3 * HTTP_API_REQUEST;
        double dynamo = (p.write() + w.write() + l.write()) * DYNAMODB_WRITE_UNIT
                + (p.read() + w.read() + l.read()) * DYNAMODB_READ_UNIT;
        Result r = new Result(p, w, l, pledgeMs, webhookMs, ledgerMs, lambda * 1e6, api * 1e6, dynamo * 1e6);
        System.out.printf("  cost: pledge %.2f WRU + %.2f RRU [%s]%n", p.write(), p.read(), p.calls());
        p.transactions().forEach(t -> System.out.println("        " + t));
        System.out.printf("  cost: webhook %.2f WRU + %.2f RRU [%s]%n", w.write(), w.read(), w.calls());
        w.transactions().forEach(t -> System.out.println("        " + t));
        System.out.printf("  cost: ledger page %.2f RRU [%s]%n", l.read(), l.calls());
        return r;
    }

    /** {@code prepare} does the untimed, unrecorded preparation and returns the work to record. */
    private static Units average(BenchInterceptor recorder, int samples, Supplier<Supplier<BenchWorld.Answer>> prepare,
                                 int expected) {
        double read = 0;
        double write = 0;
        double local = 0;
        String calls = null;
        List<String> transactions = List.of();
        for (int i = 0; i < samples; i++) {
            Supplier<BenchWorld.Answer> work = prepare.get();
            BenchWorld.Answer[] answer = new BenchWorld.Answer[1];
            BenchInterceptor.Recording r = recorder.record(() -> answer[0] = work.get());
            if (answer[0].status() != expected) {
                throw new IllegalStateException("cost run answered " + answer[0].status() + ": " + answer[0].body());
            }
            read += r.readUnits;
            write += r.writeUnits;
            local += r.localTransactionUnits;
            calls = r.summary();
            transactions = r.transactionDetails;
        }
        return new Units(read / samples, write / samples, calls, transactions, local / samples);
    }
}
