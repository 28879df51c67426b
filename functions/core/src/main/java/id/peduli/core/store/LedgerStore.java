package id.peduli.core.store;

import id.peduli.core.domain.LedgerEntry;
import id.peduli.core.domain.LedgerHead;
import id.peduli.core.domain.Totals;
import java.util.List;
import java.util.Optional;

/** The appeals' public ledgers, read. Entries are appended through a {@link UnitOfWork}, once, never changed. */
public interface LedgerStore {

    /** The appeal's ledger head, read consistently, as a write that appends to the ledger must read it. */
    Optional<LedgerHead> head(String appealId);

    Optional<Totals> totals(String appealId);

    /** Up to {@code limit} entries with {@code seq > afterSeq}, ascending; fewer only at the end of the ledger. */
    List<LedgerEntry> entries(String appealId, long afterSeq, int limit);
}
