package id.peduli.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One immutable line of an appeal's public ledger. {@code hash} is the lowercase hex SHA-256 of
 * {@code prevHash|seq|type|amount|reference|at}, so anyone can recompute the chain from the published entries.
 */
public record LedgerEntry(
        long seq,
        LedgerEntryType type,
        Rupiah amount,
        String donorName,
        String message,
        String recipient,
        String reference,
        Instant at,
        String prevHash,
        String hash) {

    public static final String ANONYMOUS = "Anonim";

    /** The entry that follows {@code head}, with its hash computed. */
    public static LedgerEntry next(Totals head, LedgerEntryType type, Rupiah amount, String donorName, String message,
                                   String recipient, String reference, Instant at) {
        long seq = head.seq() + 1;
        Instant when = Times.truncate(at);
        return new LedgerEntry(seq, type, amount, donorName, message, recipient, reference, when, head.head(),
                hash(head.head(), seq, type, amount.value(), reference, Times.format(when)));
    }

    public static String hash(String prevHash, long seq, LedgerEntryType type, long amount, String reference, String at) {
        String material = prevHash + "|" + seq + "|" + type.name() + "|" + amount + "|" + reference + "|" + at;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
