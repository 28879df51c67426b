package id.peduli.local.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts provider notifications to the stack's webhooks as the providers do: once at once, then again after each
 * delay of the resend schedule (each relative to the attempt before, as Xendit's table counts them) until one
 * attempt gets a 2xx or the schedule ends. A refused connection or a timeout counts as a failed attempt.
 *
 * <p>Logs carry the provider, the order id, the attempt and the answer's status: never a body, a header, a key,
 * a token, a signature or an email.
 */
final class Notifier implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    /** One notification to post, with what it takes to post it again. */
    record Notice(String provider, String orderId, String transactionStatus, URI target, Map<String, String> headers,
                  byte[] body, Duration timeout, List<Duration> resends) {}

    private final HttpClient http;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, List<Delivery>> log = new ConcurrentHashMap<>();

    Notifier(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "payment-sandbox-resend-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Makes the first attempt now, on the caller's thread, and leaves any resends to the scheduler.
     *
     * @return whether the first attempt got a 2xx
     */
    boolean send(Notice notice) {
        boolean delivered = attempt(notice, 1);
        if (!delivered) {
            resendLater(notice, 1);
        }
        return delivered;
    }

    List<Delivery> deliveries(String orderId) {
        List<Delivery> attempts = log.get(orderId);
        return attempts == null ? List.of() : List.copyOf(attempts);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void resendLater(Notice notice, int attemptsMade) {
        if (attemptsMade > notice.resends().size()) {
            LOG.log(System.Logger.Level.WARNING, "payment sandbox: gave up the {0} notification for order {1} after {2} attempts",
                    notice.provider(), notice.orderId(), attemptsMade);
            return;
        }
        Duration delay = notice.resends().get(attemptsMade - 1);
        try {
            scheduler.schedule(() -> {
                if (!attempt(notice, attemptsMade + 1)) {
                    resendLater(notice, attemptsMade + 1);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the sandbox was closed: like a provider switched off, it resends nothing more
        }
    }

    private boolean attempt(Notice notice, int attempt) {
        int status = post(notice);
        Delivery delivery = new Delivery(notice.provider(), notice.orderId(), notice.transactionStatus(), attempt,
                clock.instant(), status);
        log.computeIfAbsent(notice.orderId(), id -> new CopyOnWriteArrayList<>()).add(delivery);
        if (!delivery.succeeded()) {
            LOG.log(System.Logger.Level.INFO, "payment sandbox: {0} notification for order {1}, attempt {2}: {3}",
                    notice.provider(), notice.orderId(), attempt, status == 0 ? "no answer" : "answered " + status);
        }
        return delivery.succeeded();
    }

    private int post(Notice notice) {
        HttpRequest.Builder request = HttpRequest.newBuilder(notice.target())
                .timeout(notice.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(notice.body()));
        notice.headers().forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
