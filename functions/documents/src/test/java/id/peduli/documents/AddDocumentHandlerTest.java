package id.peduli.documents;

import static id.peduli.core.testing.Requests.json;
import static id.peduli.core.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.ReporterToken;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.http.HttpResponse;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The document rules a reporter meets, on in-memory stores and a bucket that only signs. */
class AddDocumentHandlerTest {
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final ObjectStore bucket = new ObjectStore() {
        @Override
        public Presigned presignPut(String key, String contentType, long length, Duration validity) {
            return new Presigned("PUT", "https://bucket.example/" + key, Map.of("Content-Type", contentType),
                    Fixtures.NOW.plus(validity));
        }

        @Override
        public Presigned presignGet(String key, Duration validity) {
            throw new AssertionError("not read");
        }

        @Override
        public Optional<Content> read(String key, long maxBytes) {
            return Optional.empty();
        }

        @Override
        public void write(String key, byte[] bytes, String contentType) {}

        @Override
        public void delete(String key) {}
    };
    private final AddDocumentHandler handler = new AddDocumentHandler(memory.stores(), bucket, Fixtures.CLOCK);

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private HttpResponse announce(Appeal appeal, String token, long size) {
        return handler.respond(request("{\"kind\":\"MEDICAL_LETTER\",\"contentType\":\"application/pdf\",\"size\":" + size + "}",
                Map.of("x-reporter-token", token), Map.of(), "id", appeal.id()), null);
    }

    @Test
    void theReporter_announcesADocument_andGetsWhereToPutIt() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        HttpResponse response = announce(appeal, ReporterToken.of(appeal.id()), 2048);

        assertThat(response.status()).isEqualTo(201);
        assertThat(json(response).path("status").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(json(response).path("upload").path("method").asText()).isEqualTo("PUT");
    }

    @Test
    void aWrongToken_isAnAppealThatDoesNotExist() {
        Appeal appeal = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);

        assertThat(announce(appeal, "not-the-token", 2048).status()).isEqualTo(404);
    }

    @Test
    void afterVerification_theReporterAddsNoMore_andTwelveIsTheLimit() {
        Appeal verified = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        Appeal submitted = Fixtures.appeal(AppealStatus.SUBMITTED, Fixtures.BONTANG, 1_000_000);
        memory.given(verified);
        memory.given(submitted);

        assertThat(announce(verified, ReporterToken.of(verified.id()), 2048).status()).isEqualTo(409);
        for (int i = 0; i < 12; i++) {
            assertThat(announce(submitted, ReporterToken.of(submitted.id()), 2048).status()).isEqualTo(201);
        }
        assertThat(announce(submitted, ReporterToken.of(submitted.id()), 2048).status()).isEqualTo(409);
        assertThat(announce(submitted, ReporterToken.of(submitted.id()), 11L * 1024 * 1024).status()).isEqualTo(400);
    }
}
