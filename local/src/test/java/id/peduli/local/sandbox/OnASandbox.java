package id.peduli.local.sandbox;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What a sandbox test stands on: a fresh sandbox for each test that posts its notifications to a real loopback
 * webhook and resends after 50 ms, on a clock the test moves.
 */
abstract class OnASandbox {
    private final Instant start;
    WebhookReceiver webhook;
    Sandboxes.MovableClock clock;
    PaymentSandbox sandbox;

    OnASandbox() {
        this(Instant.parse("2026-11-22T10:15:30Z"));
    }

    /** @param start what the clock reads when each test begins */
    OnASandbox(Instant start) {
        this.start = start;
    }

    @BeforeEach
    final void startSandbox() throws Exception {
        webhook = new WebhookReceiver();
        clock = new Sandboxes.MovableClock(start);
        sandbox = Sandboxes.sandbox(webhook.baseUrl(), clock, Duration.ofMillis(50));
    }

    @AfterEach
    final void stopSandbox() {
        sandbox.close();
        webhook.close();
    }
}
