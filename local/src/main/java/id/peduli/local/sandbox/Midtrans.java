package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Midtrans's formats: the Snap create request and its refusals, transaction statuses and their status codes, the
 * status API answer and the HTTP notification, signed as Midtrans signs them.
 *
 * <p>Status codes (Midtrans "code statuses" reference and its notification samples): a notification carries
 * {@code 200} for settlement, capture (accepted) and refund, {@code 201} for pending and for a capture held as a
 * fraud challenge, {@code 202} for deny, cancel and expire. The status API answers the same codes except for an
 * expired transaction, which it reports as {@code 407} (the code Midtrans's own client libraries exempt from their
 * error check), and a cancelled one, reported {@code 200} as Midtrans's cancel responses are.
 */
final class Midtrans {
    static final String PROVIDER = "midtrans";
    /** A sandbox merchant id in Midtrans's shape (G + nine digits). */
    static final String MERCHANT_ID = "G000000000";
    static final String NOTIFICATION_MESSAGE = "midtrans payment notification";
    static final String FOUND_MESSAGE = "Success, transaction is found";
    /** Snap's defaults when no expiry is asked: a bank transfer stays payable for 24 hours. */
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    /** Midtrans gives a notification endpoint fifteen seconds to answer. */
    static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(15);
    /** Midtrans's documented order_id rule: at most 50 of letters, digits, {@code - _ . ~}. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._~-]{1,50}");
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000_000L);
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    private Midtrans() {}

    /** A Snap create request that passed Snap's checks. */
    record SnapRequest(String orderId, long grossAmount, Instant expiresAt, String finishUrl) {}

    /** Snap's refusal: HTTP status and the {@code error_messages} it lists. */
    static final class SnapRefusal extends Exception {
        final int status;
        final List<String> messages;

        SnapRefusal(int status, List<String> messages) {
            super(null, null, false, false);
            this.status = status;
            this.messages = List.copyOf(messages);
        }
    }

    static String snapError(List<String> messages) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("error_messages");
        messages.forEach(list::add);
        return Json.write(body);
    }

    /** The Core API's error answer ({@code {"status_code","status_message","id"}}), e.g. for a bad key. */
    static String coreError(String statusCode, String message, String id) {
        ObjectNode body = Json.object();
        body.put("status_code", statusCode);
        body.put("status_message", message);
        body.put("id", id);
        return Json.write(body);
    }

    /** Checks a Snap create body as Snap does, listing every problem found. */
    static SnapRequest parseSnap(byte[] raw, Instant now) throws SnapRefusal {
        JsonNode body;
        try {
            body = Json.parse(raw);
        } catch (Exception e) {
            throw new SnapRefusal(400, List.of("Request body is not a valid JSON"));
        }
        List<String> errors = new ArrayList<>();
        JsonNode details = body.path("transaction_details");
        if (!body.isObject() || !details.isObject()) {
            throw new SnapRefusal(400, List.of("transaction_details is required"));
        }
        String orderId = text(details.get("order_id"));
        if (orderId == null || orderId.isEmpty()) {
            errors.add("transaction_details.order_id is required");
        } else if (orderId.length() > 50) {
            errors.add("transaction_details.order_id too long");
        } else if (!ORDER_ID.matcher(orderId).matches()) {
            errors.add("transaction_details.order_id contains invalid characters");
        }
        BigDecimal gross = Formats.number(details.get("gross_amount"));
        if (details.get("gross_amount") == null || details.get("gross_amount").isNull()) {
            errors.add("transaction_details.gross_amount is required");
        } else if (gross == null) {
            errors.add("transaction_details.gross_amount must be a number");
        } else if (gross.compareTo(new BigDecimal("0.01")) < 0) {
            errors.add("transaction_details.gross_amount must be greater than or equal to 0.01");
        } else if (gross.stripTrailingZeros().scale() > 0) {
            errors.add("transaction_details.gross_amount must be an integer for IDR");
        } else if (gross.compareTo(MAX_AMOUNT) > 0) {
            errors.add("transaction_details.gross_amount is too large");
        }
        checkItems(body.get("item_details"), gross, errors);
        Instant expiresAt = expiry(body.get("expiry"), now, errors);
        String finish = null;
        JsonNode callbacks = body.get("callbacks");
        if (callbacks != null && !callbacks.isNull()) {
            finish = text(callbacks.get("finish"));
            if (finish != null && !Formats.isWebUrl(finish)) {
                errors.add("callbacks.finish must be a valid url");
            }
        }
        if (!errors.isEmpty()) {
            throw new SnapRefusal(400, errors);
        }
        return new SnapRequest(orderId, gross.longValueExact(), expiresAt, finish);
    }

    private static void checkItems(JsonNode items, BigDecimal gross, List<String> errors) {
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            errors.add("item_details must be an array");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            BigDecimal price = Formats.number(item.get("price"));
            BigDecimal quantity = Formats.number(item.get("quantity"));
            String name = text(item.get("name"));
            if (price == null) {
                errors.add("item_details[" + i + "].price is required");
                complete = false;
            }
            if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
                errors.add("item_details[" + i + "].quantity must be a positive integer");
                complete = false;
            }
            if (name == null || name.isBlank()) {
                errors.add("item_details[" + i + "].name is required");
            } else if (name.length() > 50) {
                errors.add("item_details[" + i + "].name too long");
            }
            if (price != null && quantity != null) {
                sum = sum.add(price.multiply(quantity));
            }
        }
        if (complete && gross != null && sum.compareTo(gross) != 0) {
            errors.add("transaction_details.gross_amount is not equal to the sum of item_details");
        }
    }

    private static Instant expiry(JsonNode expiry, Instant now, List<String> errors) {
        if (expiry == null || expiry.isNull()) {
            return now.plus(DEFAULT_EXPIRY);
        }
        Instant start = now;
        String startText = text(expiry.get("start_time"));
        if (startText != null) {
            try {
                start = OffsetDateTime.parse(startText, START_TIME).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("expiry.start_time must be in the format yyyy-MM-dd HH:mm:ss Z");
            }
        }
        BigDecimal duration = Formats.number(expiry.get("duration"));
        if (duration == null || duration.signum() <= 0 || duration.stripTrailingZeros().scale() > 0) {
            errors.add("expiry.duration must be a positive integer");
            return now;
        }
        String unit = text(expiry.get("unit"));
        Duration one = unit == null ? null : switch (unit.toLowerCase(Locale.ROOT)) {
            case "second", "seconds" -> Duration.ofSeconds(1);
            case "minute", "minutes" -> Duration.ofMinutes(1);
            case "hour", "hours" -> Duration.ofHours(1);
            case "day", "days" -> Duration.ofDays(1);
            default -> null;
        };
        if (one == null) {
            errors.add("expiry.unit must be one of second, minute, hour, day");
            return now;
        }
        return start.plus(one.multipliedBy(duration.longValue()));
    }

    /** What an outcome chosen on the pay page does to a Snap transaction. */
    static Payment.State after(Payment.State current, String outcome, Instant now) {
        boolean challenged = current.status().equals("capture") && "challenge".equals(current.fraudStatus());
        if (!current.status().equals("pending") && !challenged) {
            throw new Payment.Refused(409, "The transaction is already " + current.status() + "; it cannot change.");
        }
        return switch (outcome) {
            case "settlement" -> new Payment.State("settlement", "accept", current.paymentType(), now, now);
            case "deny" -> current.with("deny", "deny", now);
            case "cancel" -> current.with("cancel", current.fraudStatus(), now);
            case "expire" -> {
                if (challenged) {
                    throw new Payment.Refused(409, "A challenged card capture does not expire: approve (settlement), deny or cancel it.");
                }
                yield current.with("expire", current.fraudStatus(), now);
            }
            case "challenge" -> {
                if (challenged) {
                    throw new Payment.Refused(409, "The transaction is already held as a fraud challenge.");
                }
                // Only a card capture can be challenged by the fraud detection, so the payment becomes a card one.
                yield new Payment.State("capture", "challenge", "credit_card", now, null);
            }
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    /** A full refund: only money that settled can go back. */
    static Payment.State refunded(Payment.State current, Instant now) {
        if (!current.status().equals("settlement")) {
            throw new Payment.Refused(409, "Only a settled transaction can be refunded; this one is " + current.status() + ".");
        }
        return current.with("refund", current.fraudStatus(), now);
    }

    static String notificationCode(Payment.State state) {
        return switch (state.status()) {
            case "settlement", "refund", "partial_refund" -> "200";
            case "capture" -> "challenge".equals(state.fraudStatus()) ? "201" : "200";
            case "pending" -> "201";
            default -> "202"; // deny, cancel, expire, failure
        };
    }

    static String statusApiCode(Payment.State state) {
        return switch (state.status()) {
            case "expire" -> "407";
            case "cancel" -> "200";
            default -> notificationCode(state);
        };
    }

    /** Lower-case hex SHA-512 of {@code order_id + status_code + gross_amount + serverKey}, as Midtrans signs. */
    static String signature(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    static ObjectNode notification(Payment p, Payment.State s, String serverKey) {
        return transaction(p, s, notificationCode(s), NOTIFICATION_MESSAGE, serverKey);
    }

    static ObjectNode status(Payment p, Payment.State s, String serverKey) {
        return transaction(p, s, statusApiCode(s), FOUND_MESSAGE, serverKey);
    }

    private static ObjectNode transaction(Payment p, Payment.State s, String statusCode, String message, String serverKey) {
        String gross = Formats.grossAmount(p.amount);
        ObjectNode n = Json.object();
        n.put("status_code", statusCode);
        n.put("status_message", message);
        n.put("transaction_id", p.transactionId);
        n.put("order_id", p.orderId);
        n.put("merchant_id", MERCHANT_ID);
        n.put("gross_amount", gross);
        n.put("currency", "IDR");
        n.put("payment_type", s.paymentType());
        n.put("transaction_time", Formats.midtransTime(p.createdAt));
        n.put("transaction_status", s.status());
        if (s.fraudStatus() != null) {
            n.put("fraud_status", s.fraudStatus());
        }
        if ("credit_card".equals(s.paymentType())) {
            n.put("masked_card", "48111111-1114");
            n.put("bank", "bni");
            n.put("card_type", "credit");
        } else {
            n.putArray("va_numbers").addObject().put("bank", "bca").put("va_number", p.vaNumber);
            n.putArray("payment_amounts");
            n.put("expiry_time", Formats.midtransTime(p.expiresAt));
        }
        if (s.paidAt() != null) {
            n.put("settlement_time", Formats.midtransTime(s.paidAt()));
        }
        if (s.status().equals("refund")) {
            n.put("refund_amount", gross);
            n.putArray("refunds").addObject()
                    .put("refund_chargeback_id", Math.abs((long) p.transactionId.hashCode()))
                    .put("refund_amount", gross)
                    .put("created_at", Formats.midtransTime(s.updatedAt()))
                    .put("reason", "sandbox refund");
        }
        n.put("signature_key", signature(p.orderId, statusCode, gross, serverKey));
        return n;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
