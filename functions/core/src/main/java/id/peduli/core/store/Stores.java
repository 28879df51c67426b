package id.peduli.core.store;

import java.util.function.Supplier;

/**
 * The ports a function works with: the stores it reads and the units of work it writes through. Handlers take
 * this; the composition root ({@code id.peduli.core.wiring.Wiring}) builds it on DynamoDB, tests on memory.
 */
public record Stores(AppealStore appeals, DonationStore donations, LedgerStore ledger, IdempotencyStore idempotency,
                     DocumentStore documents, Supplier<UnitOfWork> work) {

    /** A new, empty unit of work. */
    public UnitOfWork begin() {
        return work.get();
    }
}
