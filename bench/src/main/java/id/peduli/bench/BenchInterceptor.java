package id.peduli.bench;

import id.peduli.core.store.dynamodb.Keys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bench-only SDK interceptor, registered on a client the bench builds (never on the functions' own client). While a
 * {@link #record recording} runs on the calling thread it keeps every request exactly as the code made it (for
 * replaying the bare calls), asks DynamoDB for {@code ReturnConsumedCapacity=TOTAL} and adds up what it reports, and
 * reads the pre-image of every item about to be written (so the writes can be undone and replayed).
 *
 * <p>DynamoDB Local reports a flat 4.0 capacity units for every {@code TransactWriteItems} and
 * {@code TransactGetItems}, whatever they hold, so for transactions the units are computed here by DynamoDB's own
 * rule instead: every action (Put, Update, Delete, ConditionCheck) costs 2 write units per started KB of the item
 * (the larger of its before and after images), plus 1 write unit per started KB for each global secondary index
 * item written (two when an index key moves). Single-item reads, queries and batch reads keep the units DynamoDB
 * Local reports (0.5 per 4 KB eventually consistent, 1 strongly consistent).
 */
final class BenchInterceptor implements ExecutionInterceptor {

    /** A table and the primary key of one item. */
    record ItemKey(String table, Map<String, AttributeValue> key) {}

    /** What one recorded piece of work did. */
    static final class Recording {
        final List<SdkRequest> requests = new ArrayList<>();
        final List<String> operations = new ArrayList<>();
        final List<Double> units = new ArrayList<>();
        /** Item before the first write to it; an empty map when it did not exist. */
        final Map<ItemKey, Map<String, AttributeValue>> preImages = new LinkedHashMap<>();
        double readUnits;
        double writeUnits;
        /** What DynamoDB Local itself reported for the transactions (a flat 4.0 each). */
        double localTransactionUnits;
        final List<String> transactionDetails = new ArrayList<>();

        String summary() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < operations.size(); i++) {
                out.append(i == 0 ? "" : " + ").append(operations.get(i));
                if (i < units.size() && units.get(i) != null) {
                    out.append(String.format(" (%.1f)", units.get(i)));
                }
            }
            return out.toString();
        }
    }

    private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE = new ExecutionAttribute<>("bench-before");
    private final ThreadLocal<Recording> current = new ThreadLocal<>();
    private final DynamoDbClient reader;

    /** {@code reader}: a plain client that reads the items a recording writes, before and after. */
    BenchInterceptor(DynamoDbClient reader) {
        this.reader = java.util.Objects.requireNonNull(reader);
    }

    private Map<String, AttributeValue> read(ItemKey key) {
        Map<String, AttributeValue> item = reader.getItem(g -> g.tableName(key.table()).key(key.key()).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** A client configured as {@code Dynamo.newClient()} is, with this interceptor added. */
    static DynamoDbClient client(BenchInterceptor interceptor) {
        return id.peduli.core.store.dynamodb.Dynamo.newClient(interceptor);
    }

    <T> Recording record(Supplier<T> work) {
        Recording recording = new Recording();
        current.set(recording);
        try {
            work.get();
        } finally {
            current.remove();
        }
        return recording;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Recording r = current.get();
        if (r == null) {
            return;
        }
        SdkRequest request = context.request();
        r.requests.add(request);
        r.operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        if (request instanceof TransactWriteItemsRequest t) {
            List<Map<String, AttributeValue>> before = new ArrayList<>();
            for (TransactWriteItem item : t.transactItems()) {
                ItemKey key = actionKey(item);
                before.add(read(key));
            }
            attributes.putAttribute(BEFORE, before);
        }
        for (ItemKey key : writtenKeys(request)) {
            r.preImages.computeIfAbsent(key, this::read);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (current.get() == null) {
            return request;
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Recording r = current.get();
        if (r == null) {
            return;
        }
        SdkResponse response = context.response();
        double read = 0;
        double write = 0;
        if (response instanceof GetItemResponse g) {
            read = units(g.consumedCapacity());
        } else if (response instanceof QueryResponse q) {
            read = units(q.consumedCapacity());
        } else if (response instanceof ScanResponse s) {
            read = units(s.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse b) {
            read = units(b.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse t) {
            read = units(t.consumedCapacity());
        } else if (response instanceof PutItemResponse p) {
            write = units(p.consumedCapacity());
        } else if (response instanceof UpdateItemResponse u) {
            write = units(u.consumedCapacity());
        } else if (response instanceof DeleteItemResponse d) {
            write = units(d.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse t) {
            r.localTransactionUnits += units(t.consumedCapacity());
            write = transactionUnits(r, (TransactWriteItemsRequest) context.request(), attributes.getAttribute(BEFORE));
        } else if (response instanceof BatchWriteItemResponse b) {
            write = units(b.consumedCapacity());
        }
        r.readUnits += read;
        r.writeUnits += write;
        r.units.add(read + write);
    }

    /** DynamoDB's rule for a transaction that committed: see the class comment. */
    private double transactionUnits(Recording r, TransactWriteItemsRequest request, List<Map<String, AttributeValue>> before) {
        double total = 0;
        StringBuilder detail = new StringBuilder();
        List<TransactWriteItem> items = request.transactItems();
        for (int i = 0; i < items.size(); i++) {
            TransactWriteItem item = items.get(i);
            Map<String, AttributeValue> b = before.get(i);
            Map<String, AttributeValue> a;
            String action;
            if (item.put() != null) {
                a = item.put().item();
                action = "Put";
            } else if (item.update() != null) {
                a = read(actionKey(item));
                action = "Update";
            } else if (item.delete() != null) {
                a = Map.of();
                action = "Delete";
            } else {
                a = b;
                action = "ConditionCheck";
            }
            long size = Math.max(size(b), size(a));
            double units = 2 * kilobytes(size);
            double index = action.equals("ConditionCheck") ? 0 : indexUnits(b, a);
            total += units + index;
            detail.append(detail.length() == 0 ? "" : ", ").append(action).append(' ')
                    .append(sortKey(a.isEmpty() ? b : a)).append(String.format(" %dB=%.0f", size, units))
                    .append(index > 0 ? String.format("+%.0f index", index) : "");
        }
        r.transactionDetails.add(detail + String.format(" -> %.0f WRU", total));
        return total;
    }

    private static String sortKey(Map<String, AttributeValue> item) {
        AttributeValue sk = item.get("sk");
        String text = sk == null ? "?" : sk.s();
        return text.startsWith(Keys.LEDGER_PREFIX) ? Keys.LEDGER_PREFIX : text.startsWith(Keys.HISTORY_PREFIX) ? Keys.HISTORY_PREFIX
                : text.startsWith(Keys.APPEAL_PREFIX) ? "NIK" : text;
    }

    private static long kilobytes(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** Index items written for a change from {@code b} to {@code a} (indexes named gsiNpk/gsiNsk, projection ALL). */
    private static double indexUnits(Map<String, AttributeValue> b, Map<String, AttributeValue> a) {
        double units = 0;
        for (int n = 1; n <= 20; n++) {
            String pk = "gsi" + n + "pk";
            String sk = "gsi" + n + "sk";
            boolean inBefore = b.containsKey(pk);
            boolean inAfter = a.containsKey(pk);
            if (inBefore && inAfter && b.get(pk).equals(a.get(pk)) && java.util.Objects.equals(b.get(sk), a.get(sk))) {
                units += kilobytes(Math.max(size(b), size(a)));
            } else {
                units += (inBefore ? kilobytes(size(b)) : 0) + (inAfter ? kilobytes(size(a)) : 0);
            }
        }
        return units;
    }

    /** DynamoDB's item size: attribute names and values in bytes (numbers: 1 byte per 2 significant digits + 1). */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8(e.getKey()) + size(e.getValue());
        }
        return size;
    }

    private static long size(AttributeValue v) {
        switch (v.type()) {
            case S: return utf8(v.s());
            case N: return numberSize(v.n());
            case B: return v.b().asByteArray().length;
            case BOOL:
            case NUL: return 1;
            case SS: return v.ss().stream().mapToLong(BenchInterceptor::utf8).sum();
            case NS: return v.ns().stream().mapToLong(BenchInterceptor::numberSize).sum();
            case BS: return v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case M: {
                long size = 3;
                for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                    size += 1 + utf8(e.getKey()) + size(e.getValue());
                }
                return size;
            }
            case L: {
                long size = 3;
                for (AttributeValue e : v.l()) {
                    size += 1 + size(e);
                }
                return size;
            }
            default: return 0;
        }
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long numberSize(String n) {
        String digits = n.replace("-", "").replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static double units(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> list) {
        double sum = 0;
        for (ConsumedCapacity c : list) {
            sum += units(c);
        }
        return sum;
    }

    /** The items a request writes (puts, updates, deletes; condition checks write nothing). */
    static List<ItemKey> writtenKeys(SdkRequest request) {
        List<ItemKey> keys = new ArrayList<>();
        if (request instanceof PutItemRequest p) {
            keys.add(new ItemKey(p.tableName(), primaryKey(p.item())));
        } else if (request instanceof UpdateItemRequest u) {
            keys.add(new ItemKey(u.tableName(), u.key()));
        } else if (request instanceof DeleteItemRequest d) {
            keys.add(new ItemKey(d.tableName(), d.key()));
        } else if (request instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem item : t.transactItems()) {
                if (item.put() != null) {
                    keys.add(new ItemKey(item.put().tableName(), primaryKey(item.put().item())));
                } else if (item.update() != null) {
                    keys.add(new ItemKey(item.update().tableName(), item.update().key()));
                } else if (item.delete() != null) {
                    keys.add(new ItemKey(item.delete().tableName(), item.delete().key()));
                }
            }
        } else if (request instanceof BatchWriteItemRequest b) {
            b.requestItems().forEach((table, writes) -> {
                for (WriteRequest w : writes) {
                    keys.add(new ItemKey(table, w.putRequest() != null ? primaryKey(w.putRequest().item())
                            : w.deleteRequest().key()));
                }
            });
        }
        return keys;
    }

    private static ItemKey actionKey(TransactWriteItem item) {
        if (item.put() != null) {
            return new ItemKey(item.put().tableName(), primaryKey(item.put().item()));
        } else if (item.update() != null) {
            return new ItemKey(item.update().tableName(), item.update().key());
        } else if (item.delete() != null) {
            return new ItemKey(item.delete().tableName(), item.delete().key());
        }
        return new ItemKey(item.conditionCheck().tableName(), item.conditionCheck().key());
    }

    private static Map<String, AttributeValue> primaryKey(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }

    /** Puts every written item back as it was before the recording (deleting those that did not exist). */
    static void undo(DynamoDbClient client, Recording recording) {
        recording.preImages.forEach((key, before) -> {
            if (before.isEmpty()) {
                client.deleteItem(d -> d.tableName(key.table()).key(key.key()));
            } else {
                client.putItem(p -> p.tableName(key.table()).item(before));
            }
        });
    }

    /** Sends one recorded request again, as it was made, on {@code client}. */
    static void replay(DynamoDbClient client, SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            client.getItem(r);
        } else if (request instanceof QueryRequest r) {
            client.query(r);
        } else if (request instanceof BatchGetItemRequest r) {
            client.batchGetItem(r);
        } else if (request instanceof TransactWriteItemsRequest r) {
            client.transactWriteItems(r);
        } else if (request instanceof PutItemRequest r) {
            client.putItem(r);
        } else if (request instanceof UpdateItemRequest r) {
            client.updateItem(r);
        } else if (request instanceof DeleteItemRequest r) {
            client.deleteItem(r);
        } else if (request instanceof TransactGetItemsRequest r) {
            client.transactGetItems(r);
        } else if (request instanceof BatchWriteItemRequest r) {
            client.batchWriteItem(r);
        } else {
            throw new IllegalStateException("no replay for " + request.getClass().getSimpleName());
        }
    }
}
