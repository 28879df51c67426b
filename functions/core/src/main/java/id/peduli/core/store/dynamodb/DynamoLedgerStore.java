package id.peduli.core.store.dynamodb;

import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Totals;
import id.peduli.core.store.LedgerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link LedgerStore} on the single DynamoDB table: the ledger head item and the entries after it. */
public final class DynamoLedgerStore implements LedgerStore {
    private final Dynamo dynamo;

    public DynamoLedgerStore(Dynamo dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public Optional<LedgerHead> head(String appealId) {
        return dynamo.get(Keys.ledgerHead(appealId), true).map(item -> Items.ledgerHead(appealId, item));
    }

    @Override
    public Optional<Totals> totals(String appealId) {
        return dynamo.get(Keys.ledgerHead(appealId), false).map(Items::totals);
    }

    @Override
    public List<LedgerEntry> entries(String appealId, long afterSeq, int limit) {
        List<LedgerEntry> entries = new ArrayList<>(limit);
        dynamo.query(dynamo.partition(Keys.appealPk(appealId), "#sk BETWEEN :sk AND :sk2", false,
                        Keys.ledgerSk(afterSeq + 1), Keys.ledgerSk(999_999_999_999L)), limit)
                .forEach(item -> entries.add(Items.ledger(item)));
        return entries;
    }
}
