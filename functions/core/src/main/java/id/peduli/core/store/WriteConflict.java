package id.peduli.core.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * A {@link UnitOfWork} wrote nothing: a condition of one of its writes failed (something changed since it was
 * read), or a concurrent write held one of its items. Says which writes' conditions failed; none when it was only
 * contention.
 */
public final class WriteConflict extends RuntimeException {

    /** The kinds of write a unit of work gathers. */
    public enum Part { APPEAL, HISTORY, LEDGER_HEAD, LEDGER_ENTRY, NIK_INDEX, DONATION, RECEIPT, DOCUMENT, DOCUMENT_COUNT,
        DOCUMENT_DELETION, ANOMALY, RECONCILE_CURSOR, ANSWER }

    private final Set<Part> failed;
    private final boolean contentionOnly;

    /**
     * @param failed the writes whose conditions failed
     * @param contentionOnly whether every other write was cancelled only for being part of the transaction or held by
     *        a concurrent one (not for a fault such as throttling or validation)
     * @param cause what the storage said
     */
    public WriteConflict(Set<Part> failed, boolean contentionOnly, RuntimeException cause) {
        super(null, cause, false, false);
        this.failed = failed.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(failed);
        this.contentionOnly = contentionOnly;
    }

    public boolean conditionFailed(Part part) {
        return failed.contains(part);
    }

    /** No condition failed and no fault occurred: trying again after a pause may well succeed. */
    public boolean contentionOnly() {
        return failed.isEmpty() && contentionOnly;
    }

    /** What the storage said, to be thrown on where the conflict is not one the caller handles. */
    public RuntimeException storageFault() {
        return (RuntimeException) getCause();
    }
}
