package id.peduli.local.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/** Payment notifications in the gateways' own formats, signed as the gateways sign them (tests and the bench module). */
public final class Notifications {
    private Notifications() {}

    public static String midtransSignature(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            return HexFormat.of().formatHex(sha.digest((orderId + statusCode + grossAmount + serverKey)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String statusCode(String transactionStatus) {
        return switch (transactionStatus) {
            case "settlement", "capture", "refund", "partial_refund" -> "200";
            case "pending" -> "201";
            case "deny" -> "202";
            case "expire", "cancel" -> "407";
            default -> "202";
        };
    }

    /** A Midtrans HTTP notification, as Midtrans posts it for a bank transfer. */
    public static ObjectNode midtrans(String orderId, String status, String grossAmount, String fraud, String serverKey) {
        String code = statusCode(status);
        ObjectNode n = Json.object();
        n.put("transaction_time", "2026-11-22 17:15:30");
        n.put("transaction_status", status);
        n.put("transaction_id", UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8)).toString());
        n.put("status_message", "midtrans payment notification");
        n.put("status_code", code);
        n.put("signature_key", midtransSignature(orderId, code, grossAmount, serverKey));
        n.put("payment_type", "bank_transfer");
        n.put("order_id", orderId);
        n.put("merchant_id", "G123456789");
        n.put("gross_amount", grossAmount);
        if (fraud != null) {
            n.put("fraud_status", fraud);
        }
        n.put("currency", "IDR");
        n.putArray("va_numbers").addObject().put("va_number", "12345678901").put("bank", "bca");
        return n;
    }

    /** A Xendit invoice callback. */
    public static ObjectNode xendit(String orderId, String status, long amount, Long paidAmount) {
        ObjectNode n = Json.object();
        n.put("id", "inv_" + UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(0, 24));
        n.put("external_id", orderId);
        n.put("user_id", "5f0000000000000000000001");
        n.put("is_high", false);
        n.put("payment_method", "BANK_TRANSFER");
        n.put("status", status);
        n.put("merchant_name", "Peduli");
        n.put("amount", amount);
        if (paidAmount != null) {
            n.put("paid_amount", paidAmount);
            n.put("paid_at", "2026-11-22T10:20:30.000Z");
        }
        n.put("bank_code", "BCA");
        n.put("payment_channel", "BCA");
        n.put("currency", "IDR");
        n.put("created", "2026-11-22T10:00:00.000Z");
        n.put("updated", "2026-11-22T10:20:30.000Z");
        return n;
    }
}
