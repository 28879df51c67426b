package id.peduli.core.domain;

/**
 * Where a donor pays a pledge: {@code url} is the provider's payment page (Snap's {@code redirect_url}, Xendit's
 * {@code invoice_url}); {@code reference} the provider's handle on it (the Snap token, the Xendit invoice id).
 */
public record Payment(String url, String reference) {
    public Payment {
        if (url == null || url.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a payment needs a url and a reference");
        }
    }
}
