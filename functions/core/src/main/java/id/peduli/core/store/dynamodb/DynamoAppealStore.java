package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.Anomaly;
import id.peduli.core.domain.Appeal;
import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Document;
import id.peduli.core.domain.HistoryEntry;
import id.peduli.core.domain.RegionCode;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.AppealStore;
import id.peduli.core.store.AppealView;
import id.peduli.core.store.OfficerRecord;
import id.peduli.core.store.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** {@link AppealStore} on the single DynamoDB table. */
public final class DynamoAppealStore implements AppealStore {
    private final Dynamo dynamo;

    public DynamoAppealStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Optional<Appeal> find(String id) {
        return dynamo.get(Keys.appeal(id), true).map(Items::appeal);
    }

    @Override
    public Optional<AppealView> findView(String id) {
        Map<String, AttributeValue> a = null;
        Map<String, AttributeValue> t = null;
        for (Map<String, AttributeValue> item : dynamo.batchGet(List.of(Keys.appeal(id), Keys.ledgerHead(id)))) {
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
        List<Appeal> appeals = new ArrayList<>(page.items().size());
        List<Map<String, AttributeValue>> headKeys = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> item : page.items()) {
            Appeal appeal = Items.appeal(item);
            appeals.add(appeal);
            headKeys.add(Keys.ledgerHead(appeal.id()));
        }
        Map<String, Totals> totals = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.batchGet(headKeys)) {
            totals.put(item.get(Keys.PK).s(), Items.totals(item));
        }
        List<AppealView> views = new ArrayList<>(appeals.size());
        for (Appeal appeal : appeals) {
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
        values.put(":p", Dynamo.s(partition.value()));
        String condition = "#p = :p";
        Map<String, String> names = new HashMap<>(Map.of("#p", index.pk));
        if (from != null) {
            values.put(":from", Dynamo.s(from));
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
    public Optional<OfficerRecord> findForOfficers(String id) {
        // Everything but the ledger entries sorts before them in the appeal's partition: one query reads it all,
        // documents included.
        Appeal appeal = null;
        Totals totals = Totals.EMPTY;
        List<HistoryEntry> history = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryAll(
                dynamo.partition(Keys.appealPk(id), "#sk < :sk", true, Keys.LEDGER_PREFIX))) {
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
        documents.sort(Document.ANNOUNCED_ORDER);
        return appeal == null ? Optional.empty() : Optional.of(new OfficerRecord(appeal, totals, history, anomalies,
                documents));
    }

    @Override
    public List<String> openAppealsWithNik(String nikHash, String exceptId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryAll(dynamo.partition(Keys.nikPk(nikHash), null, false))) {
            String id = Items.appealId(item);
            if (!id.equals(exceptId)) {
                keys.add(Keys.appeal(id));
            }
        }
        List<String> open = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.batchGet(keys)) {
            if (Items.appealStatus(item).isOpen()) {
                open.add(Items.id(item));
            }
        }
        open.sort(null);
        return open;
    }
}
