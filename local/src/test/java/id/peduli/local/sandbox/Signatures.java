package id.peduli.local.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Midtrans's signature, computed here independently of the sandbox's own code. */
final class Signatures {
    private Signatures() {}

    static String midtrans(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(128);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
