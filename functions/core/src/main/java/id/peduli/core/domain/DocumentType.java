package id.peduli.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The media types a supporting document may have, each with the bytes its files begin with. */
public enum DocumentType {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII));

    private final String mediaType;
    private final byte[] magic;

    DocumentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** True when {@code content} begins with this type's signature. */
    public boolean begins(byte[] content) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
