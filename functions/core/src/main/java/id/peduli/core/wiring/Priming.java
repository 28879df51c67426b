package id.peduli.core.wiring;

import id.peduli.core.domain.Regions;
import id.peduli.core.http.Json;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.dynamodb.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart priming: before the snapshot is taken, do once what every first request would otherwise pay
 * for after restore — a real DynamoDB call (client, credentials chain, HTTP connection classes, marshallers), a
 * Jackson round trip and the region codes. Where no CRaC runtime runs (locally, in tests) registration does nothing.
 */
public final class Priming implements Resource {
    private static final Priming INSTANCE = new Priming();
    private static final byte[] SAMPLE = "{\"a\":[1,\"b\",{\"c\":true}],\"d\":12345678901}".getBytes(StandardCharsets.UTF_8);

    private Priming() {}

    /** Registers the hook once per container; the global context holds it for the container's life. */
    public static void register() {
        Holder.REGISTERED.hashCode();
    }

    private static final class Holder {
        static final Object REGISTERED = registerOnce();

        private static Object registerOnce() {
            Core.getGlobalContext().register(INSTANCE);
            return INSTANCE;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing: clients re-resolve connections and credentials on first use after restore
    }

    /** The work done before the snapshot. A key that never exists is read, so priming changes nothing. */
    public static void prime() {
        try {
            Json.write(Json.parse(SAMPLE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Regions.exists("64.74");
        Dynamo dynamo = Dynamo.fromEnvironment();
        dynamo.client().getItem(g -> g.tableName(dynamo.table()).key(Keys.key("PRIMING", "PRIMING")));
    }
}
