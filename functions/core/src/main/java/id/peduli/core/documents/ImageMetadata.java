package id.peduli.core.documents;

import id.peduli.core.domain.DocumentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * Removes what a photo says about where and when it was taken, leaving the pixels as they are: from a JPEG every
 * APP1 segment (EXIF, with its GPS directory, and XMP); from a PNG the {@code eXIf} chunk and every text chunk
 * ({@code tEXt}, {@code zTXt}, {@code iTXt}, where XMP lives). The image data is copied byte for byte, never
 * re-encoded. PDFs are returned unchanged.
 *
 * <p>JPEG: Apache Commons Imaging removes the EXIF and the XMP segments; a last walk over the segments before the
 * image data drops any APP1 segment neither recognised (extended XMP, say). PNG: Commons Imaging offers no way to
 * drop chunks without re-encoding, so the chunks are walked here.
 */
public final class ImageMetadata {
    /** Thrown when the bytes are not a well-formed image of their type. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt");

    private ImageMetadata() {}

    public static byte[] strip(DocumentType type, byte[] content) throws Malformed {
        return switch (type) {
            case JPEG -> jpeg(content);
            case PNG -> png(content);
            case PDF -> content;
        };
    }

    private static byte[] jpeg(byte[] content) throws Malformed {
        try {
            ByteArrayOutputStream noExif = new ByteArrayOutputStream(content.length);
            new ExifRewriter().removeExifMetadata(content, noExif);
            ByteArrayOutputStream noXmp = new ByteArrayOutputStream(content.length);
            new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
            return withoutApp1(noXmp.toByteArray());
        } catch (IOException | RuntimeException e) { // ImagingException is an IOException
            throw new Malformed("not a well-formed JPEG");
        }
    }

    /** The JPEG without APP1 segments: markers are walked up to the start of the scan, the rest copied as it is. */
    static byte[] withoutApp1(byte[] jpeg) throws Malformed {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2); // SOI
        int i = 2;
        while (true) {
            if (i + 4 > jpeg.length || (jpeg[i] & 0xFF) != 0xFF) {
                throw new Malformed("not a well-formed JPEG");
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                out.write(0xFF);
                i++;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                out.write(jpeg, i, jpeg.length - i);
                return out.toByteArray();
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                throw new Malformed("not a well-formed JPEG");
            }
            if (marker != APP1) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
    }

    private static byte[] png(byte[] content) throws Malformed {
        final int signature = 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        out.write(content, 0, signature);
        ByteBuffer in = ByteBuffer.wrap(content);
        int i = signature;
        boolean ended = false;
        while (!ended) {
            if (i + 12 > content.length) {
                throw new Malformed("not a well-formed PNG");
            }
            long length = Integer.toUnsignedLong(in.getInt(i));
            if (length > content.length - i - 12L) {
                throw new Malformed("not a well-formed PNG");
            }
            String type = new String(content, i + 4, 4, StandardCharsets.US_ASCII);
            int chunk = 12 + (int) length;
            if (!PNG_METADATA.contains(type)) {
                out.write(content, i, chunk);
            }
            ended = type.equals("IEND");
            i += chunk;
        }
        return out.toByteArray();
    }
}
