package id.peduli.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One immutable line of an appeal's public ledger. {@code hash} is the lowercase hex SHA-256 of the UTF-8 bytes of
 * the JSON array {@code [prevHash, seq, type, amount, party, message, reference, at]} serialized as RFC 8785 does
 * (see {@link #material}), so every field a reader sees is covered and anyone can recompute the chain — in a
 * browser, {@code JSON.stringify} of that array gives the same bytes.
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

    /** The entry that follows the last one counted in {@code totals}, with its hash computed. */
    public static LedgerEntry next(Totals totals, LedgerEntryType type, Rupiah amount, String donorName, String message,
                                   String recipient, String reference, Instant at) {
        long seq = totals.seq() + 1;
        Instant when = Times.truncate(at);
        String shownName = type == LedgerEntryType.DISBURSEMENT ? null : donorName == null ? ANONYMOUS : donorName;
        String shownMessage = message == null || message.isEmpty() ? null : message;
        String party = type == LedgerEntryType.DISBURSEMENT ? recipient : shownName;
        return new LedgerEntry(seq, type, amount, shownName, shownMessage, recipient, reference, when, totals.lastHash(),
                hash(totals.lastHash(), seq, type, amount.value(), party, shownMessage, reference, Times.format(when)));
    }

    /** Who the entry names: the donor's public name for donations and refunds, the recipient for disbursements. */
    public String party() {
        return type == LedgerEntryType.DISBURSEMENT ? recipient : donorName == null ? ANONYMOUS : donorName;
    }

    /** The hash this entry's visible fields and {@code prevHash} call for; equal to {@link #hash()} unless altered. */
    public String recomputedHash() {
        return hash(prevHash, seq, type, amount.value(), party(), message, reference, Times.format(at));
    }

    /** The hash of an entry with these visible fields; {@code message} null counts as {@code ""}. */
    public static String hash(String prevHash, long seq, LedgerEntryType type, long amount, String party,
                              String message, String reference, String at) {
        byte[] material = material(prevHash, seq, type, amount, party, message, reference, at)
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hashed text: the JSON array of the visible fields, without whitespace, strings escaped as RFC 8785 says. */
    static String material(String prevHash, long seq, LedgerEntryType type, long amount, String party,
                           String message, String reference, String at) {
        StringBuilder json = new StringBuilder(160).append('[');
        string(json, prevHash).append(',').append(seq).append(',');
        string(json, type.name()).append(',').append(amount).append(',');
        string(json, party).append(',');
        string(json, message == null ? "" : message).append(',');
        string(json, reference).append(',');
        string(json, at).append(']');
        return json.toString();
    }

    /**
     * A JSON string as ECMAScript's {@code JSON.stringify} writes it (RFC 8785, section 3.2.2.2): {@code "} and
     * {@code \} escaped, the short escapes for backspace, tab, line feed, form feed and carriage return, {@code \}{@code u00xx}
     * in lowercase hex for the other control characters and for unpaired surrogates, everything else as it is.
     */
    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        String s = value == null ? "" : value;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                        json.append("\\u").append(HexFormat.of().toHexDigits(c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
