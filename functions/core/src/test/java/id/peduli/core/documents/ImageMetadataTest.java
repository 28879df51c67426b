package id.peduli.core.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.domain.DocumentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The segment and chunk walks, on hand-made files; the end-to-end check on real images is DocumentsApiTest's. */
class ImageMetadataTest {

    @Test
    void jpeg_losesEveryApp1Segment_andKeepsTheOthersAndTheScan() throws Exception {
        byte[] app0 = segment(0xE0, "JFIF\0");
        byte[] exif = segment(0xE1, "Exif\0\0GPS");
        byte[] xmpExtension = segment(0xE1, "http://ns.adobe.com/xmp/extension/\0secret");
        byte[] quantisation = segment(0xDB, "tables");
        byte[] scan = {(byte) 0xFF, (byte) 0xDA, 0, 2, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

        byte[] cleaned = ImageMetadata.withoutApp1(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, exif, xmpExtension,
                quantisation, scan));

        assertThat(cleaned).isEqualTo(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app0, quantisation, scan));
    }

    @Test
    void truncatedJpegOrPng_isMalformed() {
        assertThatThrownBy(() -> ImageMetadata.withoutApp1(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x10}))
                .isInstanceOf(ImageMetadata.Malformed.class);
        byte[] png = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 40, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> ImageMetadata.strip(DocumentType.PNG, png)).isInstanceOf(ImageMetadata.Malformed.class);
    }

    @Test
    void pdf_isLeftAsItIs() throws Exception {
        byte[] pdf = "%PDF-1.4 /Author (someone)".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageMetadata.strip(DocumentType.PDF, pdf)).isSameAs(pdf);
    }

    private static byte[] segment(int marker, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = new byte[4 + data.length];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((data.length + 2) >> 8);
        s[3] = (byte) (data.length + 2);
        System.arraycopy(data, 0, s, 4, data.length);
        return s;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
