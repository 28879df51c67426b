package id.peduli.core.wiring;

import id.peduli.core.store.Stores;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.dynamodb.DynamoAppealStore;
import id.peduli.core.store.dynamodb.DynamoDocumentStore;
import id.peduli.core.store.dynamodb.DynamoDonationStore;
import id.peduli.core.store.dynamodb.DynamoIdempotencyStore;
import id.peduli.core.store.dynamodb.DynamoLedgerStore;
import id.peduli.core.store.dynamodb.DynamoUnitOfWork;

/**
 * The composition root: the one place that knows which adapter serves which port. A handler's no-argument
 * constructor (the one Lambda calls) takes its stores from here; tests build their own {@link Stores}. No container,
 * no reflection: plain constructors, run once per container.
 */
public final class Wiring {
    private Wiring() {}

    /** The stores on {@code dynamo}'s table. */
    public static Stores on(Dynamo dynamo) {
        return new Stores(new DynamoAppealStore(dynamo), new DynamoDonationStore(dynamo), new DynamoLedgerStore(dynamo),
                new DynamoIdempotencyStore(dynamo), new DynamoDocumentStore(dynamo), () -> new DynamoUnitOfWork(dynamo));
    }

    private static final class Default {
        static final Stores STORES = on(Dynamo.fromEnvironment());
    }

    /**
     * The container's stores, built once from the environment; the SnapStart priming hook is registered with them,
     * as every function that Lambda starts comes through here.
     */
    public static Stores stores() {
        Priming.register();
        return Default.STORES;
    }
}
