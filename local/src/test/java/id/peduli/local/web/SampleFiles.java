package id.peduli.local.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small real files a reporter would pick: a photographed KTP (JPEG) and a doctor's letter (PDF), made on the spot. */
final class SampleFiles {
    static {
        System.setProperty("java.awt.headless", "true"); // drawing into an image needs no display
    }

    private SampleFiles() {}

    /** A 160×100 JPEG: a card-coloured rectangle with a few dark bars, as a photo of an ID card would roughly be. */
    static Path ktpJpeg(Path dir) {
        BufferedImage image = new BufferedImage(160, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9fc5e8));
        g.fillRect(0, 0, 160, 100);
        g.setColor(new Color(0x1b1f24));
        for (int y = 20; y < 90; y += 14) {
            g.fillRect(12, y, 90, 6);
        }
        g.setColor(new Color(0xd9534f));
        g.fillRect(112, 20, 36, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
            return write(dir.resolve("ktp-ayah.jpg"), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF 1.4 with one line of text, its cross-reference table at the right byte offsets. */
    static Path doctorsLetterPdf(Path dir) {
        String text = "BT /F1 14 Tf 36 760 Td (Surat keterangan dokter: perlu transfusi darah.) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return write(dir.resolve("surat-dokter.pdf"), pdf.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
