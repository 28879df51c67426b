package id.peduli.documents;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.documents.Documents;
import id.peduli.core.ScheduledEvent;
import id.peduli.core.http.Json;
import id.peduli.core.store.DocumentStore;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.Stores;
import id.peduli.core.store.WriteConflict;
import id.peduli.core.store.s3.S3ObjectStore;
import id.peduli.core.wiring.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code DocumentRetentionFunction}, on a schedule: the documents of a case that was rejected or closed are deleted
 * once {@link Documents#RETENTION} has passed (the bytes in S3, then their records). The decision that ended the case
 * queued it in the same write, so nothing is forgotten when S3 or DynamoDB fails part way: the case stays queued and
 * the next run deletes it again (deleting twice is harmless). A failure is logged by its class alone, never a key.
 *
 * <p>"Now" is the scheduled event's {@code time} (so a run can be replayed as of a given instant), or the clock.
 */
public final class DocumentRetentionHandler implements RequestStreamHandler {
    /** Cases a run takes at most: an hourly run clears far more than officers end. */
    static final int BATCH = 100;
    /** What a run leaves of the function's time unused: one case's deletions take a few requests. */
    static final long RESERVE_MILLIS = 10_000;

    private final DocumentStore store;
    private final Documents documents;
    private final Clock clock;

    public DocumentRetentionHandler() {
        this(Wiring.stores(), S3ObjectStore.fromEnvironment(), Clock.systemUTC());
    }

    public DocumentRetentionHandler(Stores stores, ObjectStore objects, Clock clock) {
        this.store = stores.documents();
        this.documents = new Documents(stores, objects, clock);
        this.clock = clock;
    }

    /** What a run did: cases whose documents were deleted, and cases left queued after a failure. */
    public record Report(int deleted, int failed) {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.read(input);
        Instant now = ScheduledEvent.time(event, clock);
        LongSupplier remaining = ScheduledEvent.remainingMillis(context);
        output.write(Json.write(Json.mapper().valueToTree(sweep(now, remaining))).getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes the documents of up to {@value #BATCH} cases due at {@code now}, while {@code remainingMillis} leaves room. */
    public Report sweep(Instant now, LongSupplier remainingMillis) {
        int deleted = 0;
        int failed = 0;
        for (DocumentStore.DueDeletion due : store.dueForDeletion(now, BATCH)) {
            if (remainingMillis.getAsLong() < RESERVE_MILLIS) {
                break;
            }
            try {
                documents.delete(due);
                deleted++;
            } catch (SdkException | WriteConflict e) {
                failed++;
                System.err.println("documents of an ended case not deleted, left queued: " + e.getClass().getName()
                        + (e instanceof AwsServiceException s ? " " + s.statusCode() : ""));
            }
        }
        return new Report(deleted, failed);
    }
}
