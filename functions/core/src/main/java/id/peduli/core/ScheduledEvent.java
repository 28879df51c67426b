package id.peduli.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.LongSupplier;

/** What a scheduled function reads from the EventBridge event and the Lambda context it is invoked with. */
public final class ScheduledEvent {
    private ScheduledEvent() {}

    /** The event's {@code time} (so a run can be replayed as of a given instant), or the clock's now. */
    public static Instant time(JsonNode event, Clock clock) {
        if (event.path("time").isTextual()) {
            try {
                return Instant.parse(event.path("time").asText());
            } catch (DateTimeParseException e) {
                // not a scheduled event's time: the clock stands
            }
        }
        return clock.instant();
    }

    /** The milliseconds the invocation has left (unbounded without a context, as in a test). */
    public static LongSupplier remainingMillis(Context context) {
        return context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis;
    }
}
