package id.peduli.core.store.memory;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DocumentStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.DonationStatus;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Payment;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Times;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.AppealStore;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.DocumentStore;
import id.peduli.core.store.DonationStore;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.IdempotencyStore;
import id.peduli.core.store.LedgerStore;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.store.Page;
import id.peduli.core.store.Stores;
import id.peduli.core.store.UnitOfWork;
import id.peduli.core.store.WriteConflict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Every store port and the unit of work on plain maps, for tests that need no DynamoDB: the same conditions as the
 * table's writes (version, status, sequence number, absence), checked and applied under one lock, so a unit of work
 * is all or nothing here too. Not thread-hostile, not fast at scale: a test fixture.
 */
public final class InMemoryStores {
    private final Clock clock;
    private final Map<String, Appeal> appeals = new HashMap<>();
    private final Map<String, LedgerHead> heads = new HashMap<>();
    private final Map<String, TreeMap<Long, LedgerEntry>> ledgers = new HashMap<>();
    private final Map<String, List<HistoryEntry>> histories = new HashMap<>();
    private final Map<String, Map<String, Anomaly>> anomalies = new HashMap<>();
    private final Map<String, List<String>> nikIndex = new HashMap<>();
    private final Map<String, Donation> donations = new HashMap<>();
    private final Map<String, String> requestHashes = new HashMap<>();
    private final Map<String, String> receipts = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();
    private final Map<String, IdempotencyRecord> answers = new HashMap<>();
    private final Map<String, Map<String, Document>> documents = new HashMap<>();
    private final Set<DocumentStore.DueDeletion> queuedDeletions = new LinkedHashSet<>();
    private final Map<String, Integer> documentCounts = new HashMap<>();
    private String reconcileCursor;

    /** @param clock what "now" is for expiring idempotency records */
    public InMemoryStores(Clock clock) {
        this.clock = clock;
    }

    /** The ports on these maps. */
    public Stores stores() {
        return new Stores(new Appeals(), new Donations(), new Ledgers(), new Answers(), new Documents(), Work::new);
    }

    // ---- what tests look at

    public synchronized List<LedgerEntry> ledger(String appealId) {
        return List.copyOf(ledgers.getOrDefault(appealId, new TreeMap<>()).values());
    }

    public synchronized LedgerHead head(String appealId) {
        return heads.get(appealId);
    }

    public synchronized Appeal appeal(String appealId) {
        return appeals.get(appealId);
    }

    public synchronized Donation donation(String orderId) {
        return donations.get(orderId);
    }

    public synchronized List<Donation> donations() {
        return List.copyOf(donations.values());
    }

    public synchronized List<Anomaly> anomalies(String appealId) {
        return List.copyOf(anomalies.getOrDefault(appealId, Map.of()).values());
    }

    /** Stores an appeal as if it had been submitted (and decided) before the test. */
    public void given(Appeal appeal) {
        new Work().createAppeal(appeal).commit();
    }

    /** Stores a pledge (without a request hash) as if it had been made before the test; its appeal is VERIFIED. */
    public void given(Donation pledge) {
        new Work().pledge(pledge, null).commit();
    }

    /** The claim on creating the pledge's payment, if one is held. */
    public synchronized Optional<Instant> claim(String orderId) {
        return Optional.ofNullable(leases.get(orderId));
    }

    public synchronized Map<String, Integer> documentCounts() {
        return Map.copyOf(documentCounts);
    }

    private static String answerKey(String scope, String key) {
        return scope + "\n" + key;
    }

    private boolean answerKeyFree(IdempotencyRecord r) {
        IdempotencyRecord held = answers.get(answerKey(r.scope(), r.key()));
        return held == null || held.expiresAt().isBefore(clock.instant());
    }

    // ---- the unit of work: conditions checked first, then every write applied

    private final class Work implements UnitOfWork {
        private record Write(WriteConflict.Part part, BooleanSupplier condition, Runnable apply) {}

        private final List<Write> writes = new ArrayList<>();

        private UnitOfWork add(WriteConflict.Part part, BooleanSupplier condition, Runnable apply) {
            writes.add(new Write(part, condition, apply));
            return this;
        }

        @Override
        public UnitOfWork createAppeal(Appeal appeal) {
            add(WriteConflict.Part.APPEAL, () -> !appeals.containsKey(appeal.id()), () -> appeals.put(appeal.id(), appeal));
            add(WriteConflict.Part.LEDGER_HEAD, () -> !heads.containsKey(appeal.id()),
                    () -> heads.put(appeal.id(), LedgerHead.opened(appeal)));
            return add(WriteConflict.Part.NIK_INDEX, () -> true,
                    () -> nikIndex.computeIfAbsent(appeal.nikHash(), k -> new ArrayList<>()).add(appeal.id()));
        }

        @Override
        public UnitOfWork replaceAppeal(Appeal before, Appeal after) {
            return add(WriteConflict.Part.APPEAL,
                    () -> appeals.containsKey(before.id()) && appeals.get(before.id()).version() == before.version(),
                    () -> appeals.put(after.id(), after));
        }

        @Override
        public UnitOfWork addHistory(String appealId, HistoryEntry entry, long version) {
            return add(WriteConflict.Part.HISTORY, () -> true,
                    () -> histories.computeIfAbsent(appealId, k -> new ArrayList<>()).add(entry));
        }

        @Override
        public UnitOfWork copyStatusToLedgerHead(String appealId, AppealStatus status) {
            return add(WriteConflict.Part.LEDGER_HEAD, () -> heads.containsKey(appealId), () -> {
                LedgerHead h = heads.get(appealId);
                heads.put(appealId, new LedgerHead(appealId, h.totals(), h.target(), status));
            });
        }

        @Override
        public UnitOfWork appendToLedger(LedgerHead before, LedgerEntry entry, LedgerHead after, String actor) {
            String id = before.appealId();
            add(WriteConflict.Part.LEDGER_HEAD, () -> heads.containsKey(id)
                            && heads.get(id).totals().seq() == before.totals().seq()
                            && heads.get(id).appealStatus() == before.appealStatus(),
                    () -> heads.put(id, after));
            return add(WriteConflict.Part.LEDGER_ENTRY,
                    () -> !ledgers.getOrDefault(id, new TreeMap<>()).containsKey(entry.seq()),
                    () -> ledgers.computeIfAbsent(id, k -> new TreeMap<>()).put(entry.seq(), entry));
        }

        @Override
        public UnitOfWork moveDonation(Donation before, Donation after) {
            return add(WriteConflict.Part.DONATION, () -> donations.containsKey(before.orderId())
                    && donations.get(before.orderId()).status() == before.status(), () -> {
                Donation stored = donations.get(before.orderId());
                donations.put(before.orderId(), new Donation(stored.id(), stored.orderId(), stored.appealId(),
                        stored.amount(), stored.donorName(), stored.anonymous(), stored.message(), stored.provider(),
                        after.status(), stored.createdAt(), stored.expiresAt(), after.settledAt(), after.ledgerSeq(),
                        after.ledgerHash(), stored.email(), stored.payment()));
                if (before.status() == DonationStatus.PENDING) {
                    leases.remove(before.orderId());
                }
            });
        }

        @Override
        public UnitOfWork pledge(Donation donation, String requestHash) {
            String orderId = donation.orderId();
            add(WriteConflict.Part.LEDGER_HEAD, () -> heads.containsKey(donation.appealId())
                    && heads.get(donation.appealId()).appealStatus() == AppealStatus.VERIFIED, () -> { });
            add(WriteConflict.Part.DONATION, () -> !donations.containsKey(orderId), () -> {
                donations.put(orderId, donation);
                requestHashes.put(orderId, requestHash);
            });
            return add(WriteConflict.Part.RECEIPT, () -> !receipts.containsKey(donation.id()),
                    () -> receipts.put(donation.id(), orderId));
        }

        @Override
        public UnitOfWork claimPaymentCreation(Donation donation, Instant now, Instant until) {
            String orderId = donation.orderId();
            return add(WriteConflict.Part.DONATION, () -> {
                Donation d = donations.get(orderId);
                Instant lease = leases.get(orderId);
                return d != null && d.status() == DonationStatus.PENDING && d.payment() == null
                        && (lease == null || lease.isBefore(now));
            }, () -> leases.put(orderId, until));
        }

        @Override
        public UnitOfWork releaseClaim(Donation donation) {
            return add(WriteConflict.Part.DONATION, () -> donations.containsKey(donation.orderId()),
                    () -> leases.remove(donation.orderId()));
        }

        @Override
        public UnitOfWork attachPayment(Donation donation, Payment payment) {
            String orderId = donation.orderId();
            return add(WriteConflict.Part.DONATION, () -> {
                Donation d = donations.get(orderId);
                return d != null && d.status() == DonationStatus.PENDING && d.payment() == null;
            }, () -> {
                donations.put(orderId, donations.get(orderId).withPayment(payment));
                leases.remove(orderId);
            });
        }

        @Override
        public UnitOfWork addDocument(Document document, Set<AppealStatus> allowed, int limit) {
            String appealId = document.appealId();
            add(WriteConflict.Part.LEDGER_HEAD, () -> heads.containsKey(appealId)
                    && allowed.contains(heads.get(appealId).appealStatus()), () -> { });
            add(WriteConflict.Part.DOCUMENT_COUNT, () -> documentCounts.getOrDefault(appealId, 0) < limit,
                    () -> documentCounts.merge(appealId, 1, Integer::sum));
            return add(WriteConflict.Part.DOCUMENT,
                    () -> !documents.getOrDefault(appealId, Map.of()).containsKey(document.id()),
                    () -> documents.computeIfAbsent(appealId, k -> new HashMap<>()).put(document.id(), document));
        }

        @Override
        public UnitOfWork settleDocument(Document before, Document after) {
            add(WriteConflict.Part.DOCUMENT, () -> {
                Document stored = documents.getOrDefault(before.appealId(), Map.of()).get(before.id());
                return stored != null && stored.status() == before.status();
            }, () -> documents.get(before.appealId()).put(after.id(), after));
            if (after.status() == DocumentStatus.REJECTED) {
                add(WriteConflict.Part.DOCUMENT_COUNT, () -> true,
                        () -> documentCounts.merge(before.appealId(), -1, Integer::sum));
            }
            return this;
        }

        @Override
        public UnitOfWork queueDocumentDeletion(String appealId, Instant due) {
            return add(WriteConflict.Part.DOCUMENT_DELETION, () -> true,
                    () -> queuedDeletions.add(new DocumentStore.DueDeletion(appealId, due)));
        }

        @Override
        public UnitOfWork removeDocuments(DocumentStore.DueDeletion queued, List<Document> removed) {
            return add(WriteConflict.Part.DOCUMENT_DELETION, () -> true, () -> {
                Map<String, Document> of = documents.getOrDefault(queued.appealId(), new HashMap<>());
                removed.forEach(d -> of.remove(d.id()));
                documentCounts.remove(queued.appealId());
                queuedDeletions.remove(queued);
            });
        }

        @Override
        public UnitOfWork recordAnomaly(String appealId, Anomaly anomaly) {
            return add(WriteConflict.Part.ANOMALY, () -> true, () -> anomalies.computeIfAbsent(appealId, k -> new HashMap<>())
                    .put(anomaly.orderId() + "#" + anomaly.paidAmount(), anomaly));
        }

        @Override
        public UnitOfWork moveReconcileCursor(String after) {
            return add(WriteConflict.Part.RECONCILE_CURSOR, () -> true, () -> reconcileCursor = after);
        }

        @Override
        public UnitOfWork recordAnswer(IdempotencyRecord record) {
            return add(WriteConflict.Part.ANSWER, () -> answerKeyFree(record),
                    () -> answers.put(answerKey(record.scope(), record.key()), record));
        }

        @Override
        public void commit() {
            synchronized (InMemoryStores.this) {
                Set<WriteConflict.Part> failed = EnumSet.noneOf(WriteConflict.Part.class);
                for (Write w : writes) {
                    if (!w.condition().getAsBoolean()) {
                        failed.add(w.part());
                    }
                }
                if (failed.contains(WriteConflict.Part.ANSWER)) {
                    throw new IdempotencyConflict();
                }
                if (!failed.isEmpty()) {
                    throw new WriteConflict(failed, true, new IllegalStateException("condition failed: " + failed));
                }
                writes.forEach(w -> w.apply().run());
            }
        }
    }

    // ---- the read ports

    private final class Appeals implements AppealStore {
        @Override
        public Optional<Appeal> find(String id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(appeals.get(id));
            }
        }

        @Override
        public Optional<AppealView> findView(String id) {
            synchronized (InMemoryStores.this) {
                return find(id).map(a -> new AppealView(a, totals(a.id())));
            }
        }

        private Totals totals(String id) {
            LedgerHead h = heads.get(id);
            return h == null ? Totals.EMPTY : h.totals();
        }

        @Override
        public Page<AppealView> listPublic(RegionCode region, int limit, Map<String, String> after) {
            synchronized (InMemoryStores.this) {
                Comparator<Appeal> newest = Comparator.comparing((Appeal a) -> Times.format(a.verifiedAt()) + "#" + a.id());
                Page<Appeal> page = page(appeals.values().stream()
                        .filter(a -> a.status().isPublic() && (region == null || region.covers(a.regionCode())))
                        .sorted(newest.reversed()), a -> Times.format(a.verifiedAt()) + "#" + a.id(), true, limit, after);
                return new Page<>(page.items().stream().map(a -> new AppealView(a, totals(a.id()))).toList(), page.next());
            }
        }

        @Override
        public Page<Appeal> queue(AppealStatus status, List<RegionCode> regions, int limit, Map<String, String> after) {
            synchronized (InMemoryStores.this) {
                return page(appeals.values().stream()
                        .filter(a -> a.status() == status && regions.stream().anyMatch(r -> r.covers(a.regionCode())))
                        .sorted(Comparator.comparing((Appeal a) -> Times.format(a.createdAt()) + "#" + a.id())),
                        a -> Times.format(a.createdAt()) + "#" + a.id(), false, limit, after);
            }
        }

        @Override
        public Optional<OfficerRecord> findForOfficers(String id) {
            synchronized (InMemoryStores.this) {
                return find(id).map(a -> new OfficerRecord(a, totals(id), histories.getOrDefault(id, List.of()),
                        anomalies.getOrDefault(id, Map.of()).values().stream()
                                .sorted(Comparator.comparing(Anomaly::at)).toList(),
                        new Documents().list(id)));
            }
        }

        @Override
        public List<String> openAppealsWithNik(String nikHash, String exceptId) {
            synchronized (InMemoryStores.this) {
                return nikIndex.getOrDefault(nikHash, List.of()).stream()
                        .filter(id -> !id.equals(exceptId) && appeals.get(id).status().isOpen())
                        .sorted().toList();
            }
        }
    }

    /** One page of {@code sorted}, past the position {@code after} names, with where the next one starts. */
    private static <T> Page<T> page(Stream<T> sorted, java.util.function.Function<T, String> position,
                                    boolean descending, int limit, Map<String, String> after) {
        String from = after == null ? null : after.get("after");
        List<T> rest = sorted.filter(t -> from == null
                || (descending ? position.apply(t).compareTo(from) < 0 : position.apply(t).compareTo(from) > 0)).toList();
        List<T> items = rest.stream().limit(limit).toList();
        return new Page<>(items, rest.size() > limit ? Map.of("after", position.apply(items.get(limit - 1))) : null);
    }

    private final class Ledgers implements LedgerStore {
        @Override
        public Optional<LedgerHead> head(String appealId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(heads.get(appealId));
            }
        }

        @Override
        public Optional<Totals> totals(String appealId) {
            return head(appealId).map(LedgerHead::totals);
        }

        @Override
        public List<LedgerEntry> entries(String appealId, long afterSeq, int limit) {
            synchronized (InMemoryStores.this) {
                return ledgers.getOrDefault(appealId, new TreeMap<>()).tailMap(afterSeq, false).values().stream()
                        .limit(limit).toList();
            }
        }
    }

    private final class Answers implements IdempotencyStore {
        @Override
        public Optional<IdempotencyRecord> find(String scope, String key) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(answers.get(answerKey(scope, key)))
                        .filter(r -> r.expiresAt().isAfter(clock.instant()));
            }
        }
    }

    private final class Donations implements DonationStore {
        @Override
        public Optional<Pledge> pledgeOf(String orderId) {
            synchronized (InMemoryStores.this) {
                return byOrderId(orderId).map(d -> new Pledge(d, requestHashes.get(orderId)));
            }
        }

        @Override
        public Optional<Donation> byOrderId(String orderId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(donations.get(orderId));
            }
        }

        @Override
        public Optional<Donation> byId(String id) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(receipts.get(id)).flatMap(this::byOrderId);
            }
        }

        @Override
        public Page<Donation> pending(Instant pledgedBefore, String after, int limit) {
            synchronized (InMemoryStores.this) {
                return page(donations.values().stream()
                        .filter(d -> d.status() == DonationStatus.PENDING && d.createdAt().isBefore(pledgedBefore))
                        .sorted(Comparator.comparing(this::pendingPosition)), this::pendingPosition, false, limit,
                        after == null ? null : Map.of("after", after));
            }
        }

        @Override
        public String pendingPosition(Donation donation) {
            return Times.format(donation.createdAt()) + "#" + donation.orderId();
        }

        @Override
        public Optional<String> reconcileCursor() {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(reconcileCursor);
            }
        }
    }

    private final class Documents implements DocumentStore {
        @Override
        public Optional<Document> find(String appealId, String documentId) {
            synchronized (InMemoryStores.this) {
                return Optional.ofNullable(documents.getOrDefault(appealId, Map.of()).get(documentId));
            }
        }

        @Override
        public List<Document> list(String appealId) {
            synchronized (InMemoryStores.this) {
                List<Document> all = new ArrayList<>(documents.getOrDefault(appealId, Map.of()).values());
                all.sort(Document.ANNOUNCED_ORDER);
                return all;
            }
        }

        @Override
        public List<DueDeletion> dueForDeletion(Instant now, int limit) {
            synchronized (InMemoryStores.this) {
                return queuedDeletions.stream().filter(q -> !q.due().isAfter(now))
                        .sorted(Comparator.comparing(DueDeletion::due)).limit(limit).toList();
            }
        }
    }
}
