package id.peduli.documents;

import static org.assertj.core.api.Assertions.assertThat;

import id.peduli.core.documents.Documents;
import id.peduli.core.documents.ObjectKeys;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Decision;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentKind;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DocumentType;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.Ids;
import id.peduli.core.service.AppealWrites;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The sweep that deletes the documents of ended cases, on in-memory stores and a bucket that records deletions. */
class DocumentRetentionHandlerTest {
    private static final Instant DUE = Fixtures.NOW.plus(Documents.RETENTION);

    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final List<String> deleted = new ArrayList<>();
    private boolean s3Down;
    private final ObjectStore bucket = new ObjectStore() {
        @Override
        public Presigned presignPut(String key, String contentType, long length, Duration validity) {
            throw new AssertionError("not uploaded");
        }

        @Override
        public Presigned presignGet(String key, Duration validity) {
            throw new AssertionError("not read");
        }

        @Override
        public Optional<Content> read(String key, long maxBytes) {
            throw new AssertionError("not read");
        }

        @Override
        public void write(String key, byte[] bytes, String contentType) {
            throw new AssertionError("not written");
        }

        @Override
        public void delete(String key) {
            if (s3Down) {
                throw SdkClientException.create("S3 is unreachable");
            }
            deleted.add(key);
        }
    };
    private final DocumentRetentionHandler sweep = new DocumentRetentionHandler(memory.stores(), bucket, Fixtures.CLOCK);

    @BeforeAll
    static void configure() {
        Fixtures.configure();
    }

    private Document document(Appeal appeal, boolean ready) {
        Document announced = new Document(Ids.newId(), appeal.id(), DocumentKind.KTP, DocumentType.JPEG, 1000,
                DocumentStatus.AWAITING_UPLOAD, Fixtures.NOW, null, null);
        memory.stores().begin().addDocument(announced, EnumSet.allOf(AppealStatus.class), 12).commit();
        if (!ready) {
            return announced;
        }
        memory.stores().begin().settleDocument(announced, announced.ready(900)).commit();
        return announced.ready(900);
    }

    /** Ends the case as the decision does, queueing its documents when it has some. */
    private void close(Appeal appeal, boolean hasDocuments) {
        Appeal closed = new Decision(Decision.Action.CLOSE, "selesai", null, Map.of()).applyTo(appeal, Fixtures.NOW);
        new AppealWrites(memory.stores()).decide(appeal, closed,
                new HistoryEntry(Fixtures.NOW, "siska", "CLOSE", "selesai", "64.74", null), hasDocuments);
    }

    private Appeal verifiedAppeal() {
        Appeal appeal = Fixtures.appeal(AppealStatus.VERIFIED, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        return appeal;
    }

    @Test
    void aClosedCase_keepsItsDocumentsForTheRetention_thenLosesBytesAndRecords_once() {
        Appeal appeal = verifiedAppeal();
        Document ready = document(appeal, true);
        document(appeal, false);
        close(appeal, true);

        assertThat(sweep.sweep(DUE.minusMillis(1), () -> Long.MAX_VALUE)).isEqualTo(new DocumentRetentionHandler.Report(0, 0));
        assertThat(deleted).isEmpty();
        assertThat(memory.stores().documents().list(appeal.id())).hasSize(2);

        assertThat(sweep.sweep(DUE, () -> Long.MAX_VALUE)).isEqualTo(new DocumentRetentionHandler.Report(1, 0));
        assertThat(deleted).containsExactly(ObjectKeys.cleaned(ready)); // the bucket's rule takes uploads never completed
        assertThat(memory.stores().documents().list(appeal.id())).isEmpty(); // the never-uploaded one's record too
        assertThat(memory.stores().documents().dueForDeletion(DUE.plusSeconds(3600), 10)).isEmpty();
        assertThat(sweep.sweep(DUE.plusSeconds(3600), () -> Long.MAX_VALUE)).isEqualTo(new DocumentRetentionHandler.Report(0, 0));
        assertThat(deleted).hasSize(1);
    }

    @Test
    void whenS3Fails_theCaseStaysQueuedWithItsRecords_andTheNextRunDeletesIt() {
        Appeal appeal = verifiedAppeal();
        document(appeal, true);
        close(appeal, true);

        s3Down = true;
        assertThat(sweep.sweep(DUE, () -> Long.MAX_VALUE)).isEqualTo(new DocumentRetentionHandler.Report(0, 1));
        assertThat(memory.stores().documents().dueForDeletion(DUE, 10)).extracting(d -> d.appealId()).containsExactly(appeal.id());
        assertThat(memory.stores().documents().list(appeal.id())).hasSize(1);

        s3Down = false;
        assertThat(sweep.sweep(DUE, () -> Long.MAX_VALUE)).isEqualTo(new DocumentRetentionHandler.Report(1, 0));
        assertThat(memory.stores().documents().list(appeal.id())).isEmpty();
    }

    @Test
    void aCaseThatEndsWithoutDocuments_isNotQueued_andARunWithLittleTimeLeft_takesNothing() {
        Appeal quiet = verifiedAppeal();
        close(quiet, false);
        assertThat(memory.stores().documents().dueForDeletion(DUE, 10)).isEmpty();

        Appeal appeal = verifiedAppeal();
        document(appeal, true);
        close(appeal, true);
        assertThat(sweep.sweep(DUE, () -> DocumentRetentionHandler.RESERVE_MILLIS - 1))
                .isEqualTo(new DocumentRetentionHandler.Report(0, 0));
        assertThat(memory.stores().documents().dueForDeletion(DUE, 10)).hasSize(1);
    }
}
