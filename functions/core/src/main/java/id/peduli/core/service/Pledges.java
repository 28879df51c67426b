package id.peduli.core.service;

import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Payment;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.Retry;
import id.peduli.core.store.Stores;
import id.peduli.core.store.UnitOfWork;
import id.peduli.core.store.WriteConflict;
import java.time.Instant;

/**
 * A pledge's writes, each one unit of work: the pledge stored, the claim on creating its payment taken and given up,
 * and the payment stored with the request's first answer. What a failed condition means is decided here, not by the
 * store: an existing pledge is a retry, a claim held is another attempt's, a payment present is another attempt's.
 */
public final class Pledges {
    /** A pledge's write waits this many times for a credit holding the ledger head at the same moment. */
    static final int ATTEMPTS = 5;
    private final Stores stores;

    public Pledges(Stores stores) {
        this.stores = stores;
    }

    /**
     * Stores a PENDING pledge and its receipt, only while its appeal accepts pledges, with the hash of the request
     * that made it (null: none).
     * @return false when a pledge with this {@code orderId} exists already (a retry of the same request)
     * @throws DomainException.Conflict when the appeal does not accept pledges
     */
    public boolean store(Donation donation, String requestHash) {
        return Retry.onConflict(ATTEMPTS, () -> new DomainException.Unavailable("ledger head contention"), attempt -> {
            try {
                stores.begin().pledge(donation, requestHash).commit();
                return true;
            } catch (WriteConflict e) {
                if (e.conditionFailed(WriteConflict.Part.DONATION)) {
                    return false; // made by an earlier attempt of the same request
                }
                if (e.conditionFailed(WriteConflict.Part.LEDGER_HEAD)) {
                    throw new DomainException.Conflict("The appeal does not accept pledges any more.");
                }
                if (e.contentionOnly()) {
                    throw e; // a credit held the ledger head the pledge checks: nothing was written, try again
                }
                throw e.storageFault();
            }
        });
    }

    /**
     * Claims the right to ask the provider for this pledge's payment until {@code until}, so that two attempts at
     * one pledge never both create a payment. Only a PENDING pledge without a payment can be claimed.
     * @return false when another attempt holds an unexpired claim, or the pledge has its payment or left PENDING
     */
    public boolean claim(Donation donation, Instant now, Instant until) {
        return conditional(stores.begin().claimPaymentCreation(donation, now, until));
    }

    /** Gives up a claim after a failed provider call, so the donor's retry need not wait for it to expire. */
    public void release(Donation donation) {
        conditional(stores.begin().releaseClaim(donation));
    }

    /**
     * Stores where the donor pays, with the first answer for the request's idempotency key if it had one, in one
     * write; only while the pledge is PENDING and has no payment yet. The claim is given up with it.
     * @return false when the pledge left PENDING or already has a payment
     * @throws id.peduli.core.store.IdempotencyConflict when another request with the key stored its answer first
     */
    public boolean attachPayment(Donation donation, Payment payment, IdempotencyRecord answer) {
        UnitOfWork work = stores.begin().attachPayment(donation, payment);
        if (answer != null) {
            work.recordAnswer(answer);
        }
        return conditional(work);
    }

    /** Commits {@code work}; false when the donation's condition failed, a storage fault thrown on otherwise. */
    private static boolean conditional(UnitOfWork work) {
        try {
            work.commit();
            return true;
        } catch (WriteConflict e) {
            if (e.conditionFailed(WriteConflict.Part.DONATION)) {
                return false;
            }
            throw e.storageFault();
        }
    }
}
