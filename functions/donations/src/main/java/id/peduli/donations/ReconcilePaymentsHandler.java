package id.peduli.donations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.ScheduledEvent;
import id.peduli.core.http.Json;
import id.peduli.core.domain.Crediting;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.Page;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.donations.gateway.GatewayException;
import id.peduli.donations.gateway.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * {@code ReconcilePaymentsFunction}, on a schedule: donations still PENDING ten minutes after their pledge (found
 * through the sparse index of pending donations, never a scan) are asked about at their provider, and what the
 * provider says is applied exactly as its notification would be ({@link Payments}: the same amount check, the same
 * transitions, the same single atomic credit). A pledge still unpaid after its {@code expiresAt} becomes EXPIRED.
 * The run stops well inside the function's timeout and the next run resumes where it stopped.
 *
 * <p>"Now" is the scheduled event's {@code time} (so a run can be replayed as of a given instant), or the clock.
 */
public final class ReconcilePaymentsHandler implements RequestStreamHandler {
    /** Notifications usually arrive within seconds; only pledges older than this are asked about. */
    static final Duration GRACE = Duration.ofMinutes(10);
    /** What a run leaves of the function's time unused: one provider call takes at most 8 s. */
    static final long RESERVE_MILLIS = 30_000;
    static final int PAGE = 25;

    private final Stores stores;
    private final Gateways gateways;
    private final Payments payments;
    private final Clock clock;

    public ReconcilePaymentsHandler() {
        this(Wiring.stores(), Gateways.fromEnvironment(), Clock.systemUTC());
    }

    public ReconcilePaymentsHandler(Stores stores, Gateways gateways, Clock clock) {
        this.stores = stores;
        this.gateways = gateways;
        this.payments = new Payments(stores);
        this.clock = clock;
    }

    /** What a run did. */
    public record Report(int examined, int settled, int failed, int expired, int unchanged) {
        Report plus(DonationStatus outcome) {
            return new Report(examined + 1, settled + (outcome == DonationStatus.SETTLED ? 1 : 0),
                    failed + (outcome == DonationStatus.FAILED ? 1 : 0),
                    expired + (outcome == DonationStatus.EXPIRED ? 1 : 0), unchanged + (outcome == null ? 1 : 0));
        }

    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.read(input);
        Instant now = ScheduledEvent.time(event, clock);
        LongSupplier remaining = ScheduledEvent.remainingMillis(context);
        Consumer<String> log = context == null || context.getLogger() == null ? line -> { } : context.getLogger()::log;
        output.write(Json.write(Json.mapper().valueToTree(reconcile(now, remaining, log))).getBytes(StandardCharsets.UTF_8));
    }

    /** One run as of {@code now}, while {@code remainingMillis} leaves room for another provider call. */
    public Report reconcile(Instant now, LongSupplier remainingMillis, Consumer<String> log) {
        DonationStore donations = stores.donations();
        String after = donations.reconcileCursor().orElse(null);
        Report report = new Report(0, 0, 0, 0, 0);
        while (true) {
            Page<Donation> page = donations.pending(now.minus(GRACE), after, PAGE);
            for (Donation donation : page.items()) {
                if (remainingMillis.getAsLong() < RESERVE_MILLIS) {
                    stores.begin().moveReconcileCursor(after).commit();
                    return report;
                }
                report = report.plus(examine(donation, now, log));
                after = donations.pendingPosition(donation);
            }
            if (page.next() == null) {
                stores.begin().moveReconcileCursor(null).commit();
                return report;
            }
        }
    }

    /** The donation's new status after asking its provider, or null when it stays as it was. */
    private DonationStatus examine(Donation donation, Instant now, Consumer<String> log) {
        try {
            Optional<Notification> said = gateways.of(donation.provider()).status(donation.orderId())
                    .filter(n -> n.status() != null);
            Notification effective = said.orElse(null);
            if (effective == null && now.isAfter(donation.expiresAt())) {
                effective = new Notification(donation.provider(), donation.orderId(), DonationStatus.EXPIRED, null, null);
            }
            if (effective == null) {
                return null;
            }
            Crediting.Applied applied = payments.apply(donation, effective, now);
            return applied.result() == Crediting.Result.APPLIED ? applied.donation().status() : null;
        } catch (GatewayException | DomainException e) {
            // the provider could not say, or the amount differed (kept as an anomaly): the next run asks again
            log.accept("reconcile " + donation.orderId() + " left as it was: " + e.getClass().getSimpleName());
            return null;
        }
    }
}
