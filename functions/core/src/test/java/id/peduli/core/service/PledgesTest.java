package id.peduli.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.Payment;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Stores;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A pledge's writes through the unit of work, on in-memory stores: the conditions each one carries. */
class PledgesTest {
    private static final Instant NOW = Fixtures.NOW;
    private static final Instant UNTIL = NOW.plus(Duration.ofSeconds(20));
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final Stores stores = memory.stores();
    private final Pledges pledges = new Pledges(stores);

    private Appeal appeal(AppealStatus status) {
        Appeal appeal = Fixtures.appeal(status, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        return appeal;
    }

    private IdempotencyRecord answer(String key, String body) {
        return new IdempotencyRecord("POST /appeals/x/donations", key, "hash", 201, body, null, NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void aPledge_isStoredWithItsReceiptAndRequestHash_andTheSameOrderAgainIsARetry() {
        Donation d = Fixtures.pledge(appeal(AppealStatus.VERIFIED).id(), 25_000, "Rina", false, null);

        assertThat(pledges.store(d, "hash-1")).isTrue();
        assertThat(pledges.store(d, "hash-2")).isFalse();

        assertThat(stores.donations().pledgeOf(d.orderId())).hasValueSatisfying(p -> {
            assertThat(p.donation()).isEqualTo(d);
            assertThat(p.requestHash()).isEqualTo("hash-1"); // the retry wrote nothing
        });
        assertThat(stores.donations().byId(d.id())).contains(d);
    }

    @Test
    void anAppealNoLongerVerified_refusesThePledge_andNothingIsStored() {
        Donation d = Fixtures.pledge(appeal(AppealStatus.FUNDED).id(), 25_000, "Rina", false, null);

        assertThatThrownBy(() -> pledges.store(d, null)).isInstanceOf(DomainException.Conflict.class);

        assertThat(memory.donations()).isEmpty();
        assertThat(stores.donations().byId(d.id())).isEmpty(); // nor its receipt
    }

    @Test
    void aClaim_excludesAnotherUntilItExpiresOrIsGivenUp() {
        Donation d = Fixtures.pledge(appeal(AppealStatus.VERIFIED).id(), 25_000, "Rina", false, null);
        pledges.store(d, null);

        assertThat(pledges.claim(d, NOW, UNTIL)).isTrue();
        assertThat(pledges.claim(d, NOW.plusSeconds(5), UNTIL.plusSeconds(5))).isFalse();
        assertThat(pledges.claim(d, UNTIL.plusMillis(1), UNTIL.plusSeconds(21))).isTrue(); // the first one ran out
        pledges.release(d);
        assertThat(memory.claim(d.orderId())).isEmpty();
        assertThat(pledges.claim(d, UNTIL.plusSeconds(2), UNTIL.plusSeconds(22))).isTrue();
    }

    @Test
    void aPledgeWithItsPayment_orNoLongerPending_cannotBeClaimed() {
        String appealId = appeal(AppealStatus.VERIFIED).id();
        Donation paid = Fixtures.pledge(appealId, 25_000, "Rina", false, null);
        Donation expired = Fixtures.pledge(appealId, 30_000, "Budi", false, null);
        pledges.store(paid, null);
        pledges.store(expired, null);
        assertThat(pledges.claim(paid, NOW, UNTIL)).isTrue();
        assertThat(pledges.attachPayment(paid, new Payment("https://pay.example/1", "ref-1"), null)).isTrue();
        new Ledger(stores).apply(expired, DonationStatus.EXPIRED, NOW);

        assertThat(memory.claim(paid.orderId())).isEmpty(); // given up with the payment
        assertThat(pledges.claim(paid, UNTIL.plusSeconds(1), UNTIL.plusSeconds(21))).isFalse();
        assertThat(pledges.claim(expired, NOW, UNTIL)).isFalse();
        assertThat(pledges.claim(Fixtures.pledge(appealId, 10_000, null, false, null), NOW, UNTIL)).isFalse();
    }

    @Test
    void thePayment_isStoredOnce_withTheFirstAnswer() {
        Donation d = Fixtures.pledge(appeal(AppealStatus.VERIFIED).id(), 25_000, "Rina", false, null);
        pledges.store(d, "hash");

        assertThat(pledges.attachPayment(d, new Payment("https://pay.example/1", "ref-1"), answer("k-1", "first"))).isTrue();
        assertThat(pledges.attachPayment(d, new Payment("https://pay.example/2", "ref-2"), null)).isFalse();

        assertThat(memory.donation(d.orderId()).payment()).isEqualTo(new Payment("https://pay.example/1", "ref-1"));
        assertThat(stores.idempotency().find("POST /appeals/x/donations", "k-1"))
                .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("first"));
    }

    @Test
    void anAnswerAlreadyStoredUnderTheKey_leavesThePaymentUnwritten() {
        Donation first = Fixtures.pledge(appeal(AppealStatus.VERIFIED).id(), 25_000, "Rina", false, null);
        Donation second = Fixtures.pledge(first.appealId(), 25_000, "Rina", false, null);
        pledges.store(first, "hash");
        pledges.store(second, "hash");
        pledges.attachPayment(first, new Payment("https://pay.example/1", "ref-1"), answer("k-1", "first"));

        assertThatThrownBy(() -> pledges.attachPayment(second, new Payment("https://pay.example/2", "ref-2"),
                answer("k-1", "second"))).isInstanceOf(IdempotencyConflict.class);

        assertThat(memory.donation(second.orderId()).payment()).isNull(); // all or nothing
        assertThat(stores.idempotency().find("POST /appeals/x/donations", "k-1"))
                .hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("first"));
    }

    @Test
    void concurrentClaims_onOnePledge_grantOne() throws Exception {
        Donation d = Fixtures.pledge(appeal(AppealStatus.VERIFIED).id(), 25_000, "Rina", false, null);
        pledges.store(d, null);
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Callable<Boolean> claim = () -> {
                    start.await();
                    return pledges.claim(d, NOW, UNTIL);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> c : claims) {
                granted += c.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
