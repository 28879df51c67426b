package id.peduli.local.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.appeals.AppealForm;
import id.peduli.core.domain.Appeal;
import id.peduli.core.http.Json;
import id.peduli.core.service.AppealWrites;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The opening of the story the sample events in {@code events/} tell: the appeal {@value #APPEAL} reported in
 * Bontang, as {@code events/submit-appeal.json} describes it. Every other id in the samples follows from the
 * events themselves (pledges derive theirs from their {@code Idempotency-Key}), so with this appeal in the table
 * the samples can be replayed in order.
 */
public final class SampleStory {
    static final String APPEAL = "WGRLY_xLt3pRsp3Aezo8Tg";

    private SampleStory() {}

    /** Writes the story's appeal unless it is there; true when it wrote it. */
    public static boolean seed(Path events) throws IOException {
        Stores stores = Wiring.stores();
        if (stores.appeals().find(APPEAL).isPresent()) {
            return false;
        }
        JsonNode event = Json.mapper().readTree(events.resolve("submit-appeal.json").toFile());
        ObjectNode body = (ObjectNode) Json.mapper().readTree(event.get("body").asText());
        Appeal appeal = AppealForm.read(body, APPEAL, Instant.parse("2026-11-22T10:15:30.123Z"));
        new AppealWrites(stores).create(appeal, null);
        return true;
    }
}
