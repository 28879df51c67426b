package id.peduli.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination cursors: the position, bound to the query it came from, signed with HMAC-SHA256. An edited
 * cursor, or one from another query, is refused.
 */
public final class Cursors {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private Cursors() {}

    private static final class Key {
        // Derived from NIK_PEPPER so a deployment has one secret fewer; the label keeps the two uses apart.
        static final byte[] VALUE = hmac(Config.secret("NIK_PEPPER"), "peduli/cursor/v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor for {@code position} within the query named by {@code context}. */
    public static String seal(String context, Map<String, String> position) {
        ObjectNode node = Json.object();
        node.put("q", context);
        ObjectNode p = node.putObject("p");
        position.forEach(p::put);
        byte[] payload = Json.write(node).getBytes(StandardCharsets.UTF_8);
        return ENC.encodeToString(payload) + "." + ENC.encodeToString(hmac(Key.VALUE, payload));
    }

    /** The position in a cursor made by {@link #seal} for the same {@code context}; refused otherwise. */
    public static Map<String, String> open(String context, String cursor) {
        try {
            int dot = cursor.indexOf('.');
            if (dot < 1 || cursor.length() > 2048) {
                throw Query.invalid("cursor", "is not a cursor this API issued");
            }
            byte[] payload = DEC.decode(cursor.substring(0, dot));
            byte[] mac = DEC.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, hmac(Key.VALUE, payload))) {
                throw Query.invalid("cursor", "is not a cursor this API issued");
            }
            JsonNode node = Json.parse(payload);
            if (!context.equals(node.path("q").asText())) {
                throw Query.invalid("cursor", "belongs to another query");
            }
            Map<String, String> position = new LinkedHashMap<>();
            node.path("p").properties().forEach(e -> position.put(e.getKey(), e.getValue().asText()));
            return position;
        } catch (IllegalArgumentException | IOException e) {
            throw Query.invalid("cursor", "is not a cursor this API issued");
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
