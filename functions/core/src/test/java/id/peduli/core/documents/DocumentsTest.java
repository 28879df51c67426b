package id.peduli.core.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentKind;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.DocumentType;
import id.peduli.core.domain.DomainException;
import id.peduli.core.store.ObjectStore;
import id.peduli.core.store.Stores;
import id.peduli.core.store.WriteConflict;
import id.peduli.core.store.memory.InMemoryStores;
import id.peduli.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A document's writes through the unit of work, on in-memory stores and a bucket in a map: the status and the limit
 * checked with the document's creation, a refusal giving its place back with the document's change, and a settled
 * document settled once.
 */
class DocumentsTest {
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    private final InMemoryStores memory = new InMemoryStores(Fixtures.CLOCK);
    private final Stores stores = memory.stores();
    private final Map<String, byte[]> bucket = new HashMap<>();
    /** Runs once when the cleaned copy is written: something another request does meanwhile. */
    private Runnable meanwhile = () -> { };
    private final ObjectStore objects = new ObjectStore() {
        @Override
        public Presigned presignPut(String key, String contentType, long length, Duration validity) {
            return new Presigned("PUT", "https://bucket.example/" + key, Map.of(), Fixtures.NOW.plus(validity));
        }

        @Override
        public Presigned presignGet(String key, Duration validity) {
            return new Presigned("GET", "https://bucket.example/" + key, Map.of(), Fixtures.NOW.plus(validity));
        }

        @Override
        public Optional<Content> read(String key, long maxBytes) {
            return Optional.ofNullable(bucket.get(key)).map(b -> new Content(b.length, b.length <= maxBytes ? b : null));
        }

        @Override
        public void write(String key, byte[] bytes, String contentType) {
            bucket.put(key, bytes);
            Runnable r = meanwhile;
            meanwhile = () -> { };
            r.run();
        }

        @Override
        public void delete(String key) {
            bucket.remove(key);
        }
    };
    private final Documents documents = new Documents(stores, objects, Fixtures.CLOCK);

    private Appeal appeal(AppealStatus status) {
        Appeal appeal = Fixtures.appeal(status, Fixtures.BONTANG, 1_000_000);
        memory.given(appeal);
        return appeal;
    }

    private Document announce(Appeal appeal, String officer) {
        return documents.announce(appeal, DocumentKind.MEDICAL_LETTER, DocumentType.PDF, PDF.length, officer).document();
    }

    private void upload(Document d, byte[] bytes) {
        bucket.put(ObjectKeys.upload(d), bytes);
    }

    @Test
    void anAnnouncedDocument_isStoredAndCounted() {
        Appeal appeal = appeal(AppealStatus.SUBMITTED);

        Document d = announce(appeal, null);

        assertThat(stores.documents().find(appeal.id(), d.id())).contains(d);
        assertThat(d.status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
        assertThat(memory.documentCounts()).containsEntry(appeal.id(), 1);
    }

    @Test
    void theLedgerHeadsStatus_decides_evenWhenTheAppealReadIsStale() {
        Appeal appeal = appeal(AppealStatus.SUBMITTED);
        // a decision landed after the handler read the appeal: the head's copy says REJECTED
        stores.begin().copyStatusToLedgerHead(appeal.id(), AppealStatus.REJECTED).commit();

        assertThatThrownBy(() -> announce(appeal, null)).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("status");
        assertThat(stores.documents().list(appeal.id())).isEmpty();
        assertThat(memory.documentCounts()).doesNotContainKey(appeal.id());
    }

    @Test
    void theTwelfthIsTheLast_andARefusedOneGivesItsPlaceBack() {
        Appeal appeal = appeal(AppealStatus.VERIFIED);
        Document first = announce(appeal, "siska");
        for (int i = 1; i < Documents.MAX_PER_APPEAL; i++) {
            announce(appeal, "siska");
        }
        assertThatThrownBy(() -> announce(appeal, "siska")).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("12 documents");
        assertThat(stores.documents().list(appeal.id())).hasSize(Documents.MAX_PER_APPEAL);

        upload(first, "not a pdf at all".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> documents.complete(appeal.id(), first.id()))
                .isInstanceOf(DomainException.Unprocessable.class);

        assertThat(stores.documents().find(appeal.id(), first.id()).orElseThrow().status())
                .isEqualTo(DocumentStatus.REJECTED);
        assertThat(memory.documentCounts()).containsEntry(appeal.id(), Documents.MAX_PER_APPEAL - 1);
        assertThat(announce(appeal, "siska").status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
        assertThatThrownBy(() -> announce(appeal, "siska")).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void aCompletedDocument_isReady_once_andCompletingAgainAnswersItAsItIs() {
        Appeal appeal = appeal(AppealStatus.SUBMITTED);
        Document d = announce(appeal, null);
        upload(d, PDF);

        Document ready = documents.complete(appeal.id(), d.id());
        Document again = documents.complete(appeal.id(), d.id());

        assertThat(ready.status()).isEqualTo(DocumentStatus.READY);
        assertThat(again).isEqualTo(ready);
        assertThat(stores.documents().find(appeal.id(), d.id())).contains(ready);
        assertThat(bucket).containsOnlyKeys(ObjectKeys.cleaned(d));
        assertThat(memory.documentCounts()).containsEntry(appeal.id(), 1);
    }

    @Test
    void aDocumentRefusedMeanwhile_isNotSettledAgain_andItsPlaceIsGivenBackOnce() {
        Appeal appeal = appeal(AppealStatus.SUBMITTED);
        Document d = announce(appeal, null);
        upload(d, PDF);
        // another request refused it after this one read it, before this one stores it as READY
        meanwhile = () -> stores.begin().settleDocument(d, d.rejected()).commit();

        Document answered = documents.complete(appeal.id(), d.id());

        assertThat(answered.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(stores.documents().find(appeal.id(), d.id()).orElseThrow().status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(memory.documentCounts()).containsEntry(appeal.id(), 0);
        assertThatThrownBy(() -> stores.begin().settleDocument(d, d.rejected()).commit())
                .isInstanceOfSatisfying(WriteConflict.class,
                        e -> assertThat(e.conditionFailed(WriteConflict.Part.DOCUMENT)).isTrue());
        assertThat(memory.documentCounts()).containsEntry(appeal.id(), 0); // a stale refusal gives nothing back
    }
}
