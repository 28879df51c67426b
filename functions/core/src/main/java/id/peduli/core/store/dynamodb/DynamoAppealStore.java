package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.DomainException;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.AppealStore;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.store.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link AppealStore} on the single DynamoDB table. */
public final class DynamoAppealStore implements AppealStore {
    private final Dynamo dynamo;

    public DynamoAppealStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public void create(Appeal appeal, IdempotencyRecord idempotency) {
        List<TransactWriteItem> items = new ArrayList<>(4);
        items.add(putNew(Items.appeal(appeal)));
        items.add(putNew(Items.totals(appeal.id(), Totals.EMPTY, appeal.target().value(), appeal.status())));
        items.add(TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                .item(new Items.Writer(Keys.nik(appeal.nikHash(), appeal.id())).s("appealId", appeal.id()).item)).build());
        if (idempotency != null) {
            items.add(Transactions.idempotencyPut(dynamo.table(), idempotency));
        }
        try {
            dynamo.client().transactWriteItems(t -> t.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (idempotency != null && Dynamo.conditionFailed(e, items.size() - 1)) {
                throw new IdempotencyConflict();
            }
            throw e;
        }
    }

    @Override
    public Optional<Appeal> find(String id) {
        Map<String, AttributeValue> item = dynamo.client()
                .getItem(g -> g.tableName(dynamo.table()).key(Keys.appeal(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.appeal(item));
    }

    @Override
    public Optional<AppealView> findView(String id) {
        Map<String, AttributeValue> a = null;
        Map<String, AttributeValue> t = null;
        for (Map<String, AttributeValue> item : batchGet(List.of(Keys.appeal(id), Keys.totals(id)))) {
            if (Keys.kind(item) == Keys.Kind.APPEAL) {
                a = item;
            } else {
                t = item;
            }
        }
        return a == null ? Optional.empty()
                : Optional.of(new AppealView(Items.appeal(a), t == null ? Totals.EMPTY : Items.totals(t)));
    }

    @Override
    public Page<AppealView> listPublic(RegionCode region, int limit, Map<String, String> after) {
        Page<Map<String, AttributeValue>> page = page(
                List.of(new IndexPartition(Keys.publicIndex(region), Keys.publicPartition(region))), true, limit, after);
        List<Map<String, AttributeValue>> totalsKeys = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            totalsKeys.add(Keys.totals(item.get("id").s()));
        }
        Map<String, Totals> totals = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(totalsKeys)) {
            totals.put(item.get(Keys.PK).s(), Items.totals(item));
        }
        List<AppealView> views = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> item : page.items()) {
            Appeal appeal = Items.appeal(item);
            views.add(new AppealView(appeal, totals.getOrDefault(Keys.appealPk(appeal.id()), Totals.EMPTY)));
        }
        return new Page<>(views, page.next());
    }

    @Override
    public Page<Appeal> queue(AppealStatus status, List<RegionCode> regions, int limit, Map<String, String> after) {
        List<IndexPartition> partitions = new ArrayList<>(regions.size());
        for (RegionCode region : regions) {
            partitions.add(new IndexPartition(Keys.queueIndex(region), Keys.queuePartition(status, region)));
        }
        Page<Map<String, AttributeValue>> page = page(partitions, false, limit, after);
        List<Appeal> appeals = new ArrayList<>(page.items().size());
        page.items().forEach(item -> appeals.add(Items.appeal(item)));
        return new Page<>(appeals, page.next());
    }

    /** One partition of one index. */
    private record IndexPartition(Keys.Index index, String value) {}

    private record Sorted(String sortKey, Map<String, AttributeValue> item) {}

    private static final String AFTER = "after";

    /**
     * One page of the items of these index partitions, merged in sort-key order, newest or oldest first, continuing
     * after the sort key of the previous page's last item. Every index's sort key ends in the appeal's id, so it is
     * unique. Each partition is read one item past the page: that tells whether another page follows, so the last
     * page carries no cursor.
     */
    private Page<Map<String, AttributeValue>> page(List<IndexPartition> partitions, boolean newestFirst, int limit,
                                                   Map<String, String> after) {
        String from = after == null ? null : after.get(AFTER);
        List<Sorted> merged = new ArrayList<>();
        for (IndexPartition partition : partitions) {
            for (Map<String, AttributeValue> item : read(partition, newestFirst, from, limit + 1)) {
                merged.add(new Sorted(item.get(partition.index().sk).s(), item));
            }
        }
        Comparator<Sorted> order = Comparator.comparing(Sorted::sortKey);
        merged.sort(newestFirst ? order.reversed() : order);
        List<Map<String, AttributeValue>> items = new ArrayList<>(Math.min(limit, merged.size()));
        merged.stream().limit(limit).forEach(s -> items.add(s.item()));
        return new Page<>(items, merged.size() > limit ? Map.of(AFTER, merged.get(limit - 1).sortKey()) : null);
    }

    /** Up to {@code count} items of one index partition in the page's order, past {@code from} when given. */
    private List<Map<String, AttributeValue>> read(IndexPartition partition, boolean newestFirst, String from, int count) {
        Keys.Index index = partition.index();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", AttributeValue.fromS(partition.value()));
        String condition = "#p = :p";
        Map<String, String> names = new HashMap<>(Map.of("#p", index.pk));
        if (from != null) {
            values.put(":from", AttributeValue.fromS(from));
            names.put("#s", index.sk);
            condition += newestFirst ? " AND #s < :from" : " AND #s > :from";
        }
        return dynamo.query(QueryRequest.builder().tableName(dynamo.table()).indexName(index.indexName)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!newestFirst)
                .build(), count);
    }

    @Override
    public void decide(Appeal before, Appeal after, HistoryEntry entry) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(dynamo.table())
                        .item(Items.appeal(after))
                        .conditionExpression("#version = :version")
                        .expressionAttributeNames(Map.of("#version", "version"))
                        .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(before.version())))))
                        .build(),
                putNew(Items.history(before.id(), entry, after.version())),
                // the ledger head's copy of the status; appends are conditional on the copy they read
                TransactWriteItem.builder().update(u -> u.tableName(dynamo.table())
                        .key(Keys.totals(before.id()))
                        .updateExpression("SET #status = :status")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeNames(Map.of("#status", Items.APPEAL_STATUS))
                        .expressionAttributeValues(Map.of(":status", AttributeValue.fromS(after.status().name()))))
                        .build());
        for (int attempt = 0; ; attempt++) {
            try {
                dynamo.client().transactWriteItems(t -> t.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                if (Dynamo.conditionFailed(e, 0) || Dynamo.conditionFailed(e, 1)) {
                    throw new DomainException.Conflict("The appeal was changed by someone else meanwhile; reload it and decide again.");
                }
                boolean onlyConflicts = e.hasCancellationReasons() && e.cancellationReasons().stream()
                        .allMatch(r -> "None".equals(r.code()) || "TransactionConflict".equals(r.code()));
                if (!onlyConflicts) {
                    throw e;
                }
                // A donation credited at the same moment held the ledger head: the decision itself still stands.
                if (attempt >= 4) {
                    throw new DomainException.Conflict("The appeal is busy; decide again in a moment.");
                }
                Dynamo.backoff(attempt + 1);
            }
        }
    }

    @Override
    public Optional<OfficerRecord> findForOfficers(String id) {
        // Everything but the ledger entries sorts before them in the appeal's partition: one query reads it all,
        // documents included.
        Appeal appeal = null;
        Totals totals = Totals.EMPTY;
        List<HistoryEntry> history = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryAll(QueryRequest.builder().tableName(dynamo.table())
                .keyConditionExpression("pk = :pk AND sk < :ledger")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.appealPk(id)),
                        ":ledger", AttributeValue.fromS(Keys.LEDGER_PREFIX)))
                .consistentRead(true).build())) {
            switch (Keys.kind(item)) {
                case APPEAL -> appeal = Items.appeal(item);
                case LEDGER_HEAD -> totals = Items.totals(item);
                case HISTORY -> history.add(Items.history(item));
                case ANOMALY -> anomalies.add(Items.anomaly(item));
                case DOCUMENT -> documents.add(Items.document(item));
                default -> { }
            }
        }
        anomalies.sort((x, y) -> x.at().compareTo(y.at()));
        return appeal == null ? Optional.empty() : Optional.of(new OfficerRecord(appeal, totals, history, anomalies,
                DynamoDocumentStore.oldestFirst(documents)));
    }

    @Override
    public void recordAnomaly(String appealId, Anomaly anomaly) {
        // The same mismatch reported again overwrites its own record instead of piling up copies.
        dynamo.client().putItem(p -> p.tableName(dynamo.table()).item(Items.anomaly(appealId, anomaly)));
    }

    @Override
    public List<String> openAppealsWithNik(String nikHash, String exceptId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryAll(QueryRequest.builder().tableName(dynamo.table())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.nikPk(nikHash)))).build())) {
            String id = item.get("appealId").s();
            if (!id.equals(exceptId)) {
                keys.add(Keys.appeal(id));
            }
        }
        List<String> open = new ArrayList<>();
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            if (AppealStatus.valueOf(item.get("status").s()).isOpen()) {
                open.add(item.get("id").s());
            }
        }
        open.sort(null);
        return open;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = new LinkedHashMap<>();
            pending.put(dynamo.table(), KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    Dynamo.backoff(attempt);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.client().batchGetItem(b -> b.requestItems(request));
                found.addAll(response.responses().getOrDefault(dynamo.table(), List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (attempt > 8 && !pending.isEmpty()) {
                    throw new DomainException.Unavailable("storage is throttling reads");
                }
            }
        }
        return found;
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(dynamo.table()).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }
}
