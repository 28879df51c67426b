package id.peduli.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.domain.Times;
import id.peduli.core.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Xendit's invoice formats (API v2): the create request and its refusals ({@code {"error_code","message"}}), the
 * invoice as create and list answer it, and the invoice callback. Times are RFC 3339 UTC with milliseconds, amounts
 * JSON numbers; an IDR amount with decimals is truncated, as Xendit documents.
 *
 * <p>Xendit invoices know PENDING, PAID, SETTLED and EXPIRED; a failed attempt to pay leaves an invoice PENDING, so
 * the pay page's "deny", "cancel" and "challenge" have no Xendit meaning and are refused with 400 rather than
 * inventing a status the product would never see from Xendit.
 */
final class Xendit {
    static final String PROVIDER = "xendit";
    /** The sandbox account's business id, in Xendit's 24-hex shape. */
    static final String USER_ID = "5f5ab0c0d5ee1b0019a0b001";
    static final String MERCHANT_NAME = "Peduli (sandbox)";
    static final Duration DEFAULT_DURATION = Duration.ofHours(24);
    static final long MAX_DURATION_SECONDS = 31_536_000L; // one year
    /** Xendit waits up to thirty seconds for a callback answer. */
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(30);
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000_000L);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Xendit() {}

    record InvoiceRequest(String externalId, long amount, Duration duration, String successUrl, String failureUrl,
                          String payerEmail, String description) {}

    /** Xendit's refusal: HTTP status, {@code error_code} and {@code message}. */
    static final class XenditRefusal extends Exception {
        final int status;
        final String code;

        XenditRefusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    static String error(String code, String message) {
        ObjectNode body = Json.object();
        body.put("error_code", code);
        body.put("message", message);
        return Json.write(body);
    }

    /** Checks a create-invoice body as Xendit does; like Xendit, it reports the first problem it meets. */
    static InvoiceRequest parse(byte[] raw) throws XenditRefusal {
        JsonNode body;
        try {
            body = Json.parse(raw);
        } catch (Exception e) {
            throw invalid("INVALID_JSON_FORMAT", "Request body is not a valid JSON format");
        }
        if (!body.isObject()) {
            throw invalid("INVALID_JSON_FORMAT", "Request body must be a JSON object");
        }
        String externalId = text(body.get("external_id"));
        if (externalId == null || externalId.isEmpty()) {
            throw validation("\"external_id\" is required");
        }
        if (externalId.length() > 1000) {
            throw validation("\"external_id\" length must be less than or equal to 1000 characters long");
        }
        JsonNode amountNode = body.get("amount");
        if (amountNode == null || amountNode.isNull()) {
            throw validation("\"amount\" is required");
        }
        BigDecimal amount = Formats.number(amountNode);
        if (amount == null) {
            throw validation("\"amount\" must be a number");
        }
        amount = amount.setScale(0, RoundingMode.DOWN); // IDR has no cents: Xendit truncates
        if (amount.signum() <= 0) {
            throw validation("\"amount\" must be greater than or equal to 1");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw invalid("MAXIMUM_TRANSFER_AMOUNT_ERROR", "The amount is above the maximum allowed for an invoice");
        }
        String currency = text(body.get("currency"));
        if (currency != null && !currency.toUpperCase(Locale.ROOT).equals("IDR")) {
            throw invalid("UNSUPPORTED_CURRENCY", "Currency " + currency + " is not supported for this account");
        }
        Duration duration = DEFAULT_DURATION;
        JsonNode durationNode = body.get("invoice_duration");
        if (durationNode != null && !durationNode.isNull()) {
            BigDecimal seconds = Formats.number(durationNode);
            if (seconds == null) {
                throw validation("\"invoice_duration\" must be a number");
            }
            if (seconds.compareTo(BigDecimal.ONE) < 0) {
                throw validation("\"invoice_duration\" must be greater than or equal to 1");
            }
            if (seconds.compareTo(BigDecimal.valueOf(MAX_DURATION_SECONDS)) > 0) {
                throw validation("\"invoice_duration\" must be less than or equal to " + MAX_DURATION_SECONDS);
            }
            duration = Duration.ofSeconds(seconds.longValue());
        }
        String success = redirect(body, "success_redirect_url");
        String failure = redirect(body, "failure_redirect_url");
        String email = text(body.get("payer_email"));
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw validation("\"payer_email\" must be a valid email");
        }
        return new InvoiceRequest(externalId, amount.longValueExact(), duration, success, failure, email,
                text(body.get("description")));
    }

    private static String redirect(JsonNode body, String field) throws XenditRefusal {
        String url = text(body.get(field));
        if (url != null && !Formats.isWebUrl(url)) {
            throw validation("\"" + field + "\" must be a valid uri");
        }
        return url;
    }

    /** What an outcome chosen on the pay page does to an invoice. */
    static Payment.State after(Payment.State current, String outcome, Instant now) {
        if (!current.status().equals("PENDING")) {
            throw new Payment.Refused(409, "The invoice is already " + current.status() + "; it cannot change.");
        }
        return switch (outcome) {
            case "settlement" -> new Payment.State("PAID", null, null, now, now);
            case "expire" -> current.with("EXPIRED", null, now);
            default -> throw new IllegalArgumentException(outcome);
        };
    }

    /** Outcomes a Xendit invoice knows; the others are refused before the invoice's state is even looked at. */
    static boolean knows(String outcome) {
        return outcome.equals("settlement") || outcome.equals("expire");
    }

    /** The invoice as the create answer and {@code GET /v2/invoices} show it. */
    static ObjectNode invoice(Payment p, Payment.State s, String invoiceUrl) {
        ObjectNode n = Json.object();
        n.put("id", p.reference);
        n.put("external_id", p.orderId);
        n.put("user_id", USER_ID);
        n.put("status", s.status());
        n.put("merchant_name", MERCHANT_NAME);
        n.put("amount", p.amount);
        if (p.payerEmail != null) {
            n.put("payer_email", p.payerEmail);
        }
        if (p.description != null) {
            n.put("description", p.description);
        }
        n.put("expiry_date", Times.format(p.expiresAt));
        n.put("invoice_url", invoiceUrl);
        n.putArray("available_banks").addObject()
                .put("bank_code", "BCA")
                .put("collection_type", "POOL")
                .put("transfer_amount", p.amount)
                .put("bank_branch", "Virtual Account")
                .put("account_holder_name", MERCHANT_NAME.toUpperCase(Locale.ROOT))
                .put("identity_amount", 0);
        n.putArray("available_retail_outlets");
        n.putArray("available_ewallets");
        n.putArray("available_qr_codes");
        n.putArray("available_direct_debits");
        n.putArray("available_paylaters");
        n.put("should_exclude_credit_card", false);
        n.put("should_send_email", false);
        if (p.successUrl != null) {
            n.put("success_redirect_url", p.successUrl);
        }
        if (p.failureUrl != null) {
            n.put("failure_redirect_url", p.failureUrl);
        }
        paid(n, p, s);
        n.put("created", Times.format(p.createdAt));
        n.put("updated", Times.format(s.updatedAt()));
        n.put("currency", "IDR");
        return n;
    }

    /** The invoice callback Xendit posts when an invoice is paid or expires. */
    static ObjectNode callback(Payment p, Payment.State s) {
        ObjectNode n = Json.object();
        n.put("id", p.reference);
        n.put("external_id", p.orderId);
        n.put("user_id", USER_ID);
        n.put("is_high", false);
        n.put("status", s.status());
        n.put("merchant_name", MERCHANT_NAME);
        n.put("amount", p.amount);
        paid(n, p, s);
        if (p.payerEmail != null) {
            n.put("payer_email", p.payerEmail);
        }
        if (p.description != null) {
            n.put("description", p.description);
        }
        n.put("currency", "IDR");
        n.put("created", Times.format(p.createdAt));
        n.put("updated", Times.format(s.updatedAt()));
        return n;
    }

    private static void paid(ObjectNode n, Payment p, Payment.State s) {
        if (s.paidAt() == null) {
            return;
        }
        n.put("payment_method", "BANK_TRANSFER");
        n.put("bank_code", "BCA");
        n.put("payment_channel", "BCA");
        n.put("payment_destination", p.vaNumber);
        n.put("paid_amount", p.amount);
        n.put("paid_at", Times.format(s.paidAt()));
    }

    private static XenditRefusal validation(String message) {
        return new XenditRefusal(400, "API_VALIDATION_ERROR", message);
    }

    private static XenditRefusal invalid(String code, String message) {
        return new XenditRefusal(400, code, message);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
