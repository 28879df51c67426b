package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import static id.peduli.local.testkit.LocalApi.appealBody;
import static id.peduli.local.testkit.LocalApi.bearer;
import static id.peduli.local.testkit.LocalApi.get;
import static id.peduli.local.testkit.LocalApi.post;
import static id.peduli.local.testkit.LocalApi.presigned;
import static id.peduli.local.testkit.LocalApi.report;
import static id.peduli.local.testkit.LocalApi.send;
import static id.peduli.local.testkit.LocalApi.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Supporting documents end to end, through the local API against DynamoDB Local and the local S3 (s3proxy): the
 * presigned upload with a plain HTTP client, the checks and the metadata removal on completion, the officers'
 * links, the limits, and who may do what. Needs: nothing but the JDK; the local stack starts in memory.
 */
class DocumentsApiTest {
    private static final HttpClient S3 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String XMP_MARKER = "peduli-xmp-location-marker";

    // ---- uploads of each type

    @Test
    void jpegWithGpsExif_reachesTheOfficer_withoutAnyMetadata_andTheSameImageData() throws Exception {
        // given: a reported appeal in Denpasar and a photo that says where it was taken (EXIF GPS, XMP)
        LocalApi.Reported appeal = report(appealBody("51.71"));
        byte[] photo = jpegWithGpsAndXmp();
        assertThat(hasExifApp1(photo)).isTrue();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(XMP_MARKER);

        // when: the reporter announces it, PUTs it through the presigned URL and completes it
        JsonNode announced = announce(appeal, "PHOTO", "image/jpeg", photo.length);
        assertThat(announced.get("status").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(put(announced, photo)).isEqualTo(200);
        LocalApi.Response completed = complete(appeal, announced.get("id").asText());

        // then: READY, and what the officer downloads has no APP1 segment, no GPS, no XMP, and the same image data
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("READY");
        JsonNode listed = officerList(appeal.id(), "officer:51.71").get("items").get(0);
        byte[] downloaded = download(listed.get("url").asText());
        assertThat(hasExifApp1(downloaded)).isFalse();
        assertThat(app1Count(downloaded)).isZero();
        assertThat(new String(downloaded, StandardCharsets.ISO_8859_1)).doesNotContain(XMP_MARKER, "GPS");
        assertThat(scanData(downloaded)).isEqualTo(scanData(photo));
        assertThat(pixels(downloaded)).isEqualTo(pixels(photo));
        assertThat(listed.get("size").asLong()).isEqualTo(downloaded.length).isLessThan(photo.length);
        assertThat(listed.get("uploadedBy").asText()).isEqualTo("REPORTER");
        assertThat(listed.get("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void pngWithTextAndExifChunks_reachesTheOfficer_withoutThem_andTheSameImageData() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.71"));
        byte[] plain = png();
        byte[] tagged = withChunksBeforeIend(plain, chunk("tEXt", "Comment\0GPS -8.65,115.21"),
                chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + XMP_MARKER + "</x:xmpmeta>"),
                chunk("eXIf", "MM\0*\0\0\0\bGPS"));

        JsonNode announced = announce(appeal, "KTP", "image/png", tagged.length);
        assertThat(put(announced, tagged)).isEqualTo(200);
        assertThat(complete(appeal, announced.get("id").asText()).status()).isEqualTo(200);

        byte[] downloaded = download(officerList(appeal.id(), "officer:51").get("items").get(0).get("url").asText());
        assertThat(downloaded).isEqualTo(plain);
        assertThat(pixels(downloaded)).isEqualTo(pixels(tagged));
    }

    @Test
    void pdf_isKeptAsUploaded_byAnOfficer_andTheOfficerViewCountsReadyDocuments() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.03"));
        String officer = token("badung-1", "officer:51.03");
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        ObjectNode body = Json.object().put("kind", "MEDICAL_LETTER").put("contentType", "application/pdf").put("size", pdf.length);

        LocalApi.Response announced = post("/admin/appeals/" + appeal.id() + "/documents", body, bearer(officer));
        assertThat(announced.status()).as(announced.text()).isEqualTo(201);
        presigned(announced.json().get("upload").get("url").asText());
        assertThat(put(announced.json(), pdf)).isEqualTo(200);
        assertThat(get("/admin/appeals/" + appeal.id(), bearer(officer)).json().get("documentCount").asInt()).isZero();
        LocalApi.Response completed = send("POST", "/admin/appeals/" + appeal.id() + "/documents/"
                + announced.json().get("id").asText() + "/complete", null, bearer(officer));

        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        JsonNode listed = officerList(appeal.id(), "officer:51.03").get("items").get(0);
        assertThat(listed.get("uploadedBy").asText()).isEqualTo("badung-1");
        assertThat(download(listed.get("url").asText())).isEqualTo(pdf);
        assertThat(get("/admin/appeals/" + appeal.id(), bearer(officer)).json().get("documentCount").asInt()).isEqualTo(1);
        // the decision answer carries the count too
        LocalApi.Response verified = LocalApi.decide(officer, appeal.id(), "VERIFY", null, null);
        assertThat(verified.json().get("documentCount").asInt()).isEqualTo(1);
        // closing queues the documents, in the decision's own write, for deletion once the retention has passed
        String url = listed.get("url").asText();
        assertThat(LocalApi.decide(officer, appeal.id(), "CLOSE", "pasien pulang", null).status()).isEqualTo(200);
        JsonNode early = LocalApi.stack().runScheduled("DocumentRetentionFunction", Instant.now().plus(Duration.ofDays(179)));
        assertThat(early.get("failed").asInt()).as(early.toString()).isZero();
        assertThat(officerList(appeal.id(), "officer:51.03").get("items").get(0).get("status").asText()).isEqualTo("READY");
        assertThat(download(url)).isEqualTo(pdf);

        JsonNode due = LocalApi.stack().runScheduled("DocumentRetentionFunction", Instant.now().plus(Duration.ofDays(181)));
        assertThat(due.get("deleted").asInt()).as(due.toString()).isGreaterThanOrEqualTo(1);
        assertThat(due.get("failed").asInt()).as(due.toString()).isZero();
        assertThat(officerList(appeal.id(), "officer:51.03").get("items")).isEmpty();
        assertThat(get("/admin/appeals/" + appeal.id(), bearer(officer)).json().get("documentCount").asInt()).isZero();
        assertThat(status(url)).isEqualTo(404); // the bytes are gone from S3, not only their record
    }

    // ---- what the presigned PUT is bound to

    @Test
    void uploadUrl_isBoundToTypeAndLength_validFifteenMinutes_onLoopback() {
        LocalApi.Reported appeal = report(appealBody("51.02"));
        JsonNode announced = announce(appeal, "KK", "application/pdf", 1234);
        JsonNode upload = announced.get("upload");

        assertThat(upload.get("method").asText()).isEqualTo("PUT");
        assertThat(upload.get("url").asText()).startsWith("http://127.0.0.1:").contains("X-Amz-Expires=900");
        assertThat(upload.get("headers").get("Content-Type").asText()).isEqualTo("application/pdf");
        assertThat(upload.get("headers").get("Content-Length").asText()).isEqualTo("1234");
        assertThat(upload.get("url").asText()).containsIgnoringCase("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");
        Instant expires = Instant.parse(upload.get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plusSeconds(840), Instant.now().plusSeconds(901));
    }

    @Test
    void truncatedUpload_isRefused_andLeavesNothing() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.04"));
        byte[] pdf = pdf(2000);
        JsonNode announced = announce(appeal, "HOSPITAL_BILL", "application/pdf", pdf.length);

        // the PUT is signed for 2000 bytes: fewer do not match the signature
        assertThat(put(announced, Arrays.copyOf(pdf, 1500))).isEqualTo(403);
        LocalApi.Response completed = complete(appeal, announced.get("id").asText());
        assertThat(completed.status()).as(completed.text()).isEqualTo(409);

        JsonNode listed = officerList(appeal.id(), "officer:51.04").get("items").get(0);
        assertThat(listed.get("status").asText()).isEqualTo("AWAITING_UPLOAD");
        assertThat(listed.has("url")).isFalse();
    }

    @Test
    void oversizedUpload_isRefusedByTheUrl_andAnOversizedAnnouncementByTheApi() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.04"));
        JsonNode announced = announce(appeal, "HOSPITAL_BILL", "application/pdf", 1000);

        assertThat(put(announced, pdf(1001))).isEqualTo(403);
        assertThat(put(announced, pdf(50_000))).isEqualTo(403);
        assertThat(complete(appeal, announced.get("id").asText()).status()).isEqualTo(409);

        ObjectNode tooBig = Json.object().put("kind", "OTHER").put("contentType", "application/pdf").put("size", 10 * 1024 * 1024 + 1);
        LocalApi.Response refused = post("/appeals/" + appeal.id() + "/documents", tooBig, appeal.header());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(AppealsApiTest.pointers(refused.json())).containsExactly("/size");
        ObjectNode badType = Json.object().put("kind", "SELFIE").put("contentType", "image/gif").put("size", 0);
        assertThat(AppealsApiTest.pointers(post("/appeals/" + appeal.id() + "/documents", badType, appeal.header()).json()))
                .containsExactlyInAnyOrder("/kind", "/contentType", "/size");
    }

    @Test
    void expiredUploadUrl_isRefused() throws Exception {
        // given: a URL presigned as the functions presign theirs, but valid for one second (the test's hook into
        // the duration; the API's own are checked at 900 s above)
        LocalApi.stack();
        String url;
        try (S3Presigner presigner = S3Presigner.builder().build()) {
            url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofSeconds(1))
                    .putObjectRequest(p -> p.bucket(System.getProperty("DOCUMENTS_BUCKET")).key("uploads/expiry-probe")
                            .contentType("application/pdf").contentLength(10L))).url().toString();
        }
        presigned(url);
        Thread.sleep(2_100);

        HttpResponse<String> r = S3.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf(10))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void pngDeclaredAsPdf_is422_deleted_andListedRejectedWithoutUrl() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.05"));
        byte[] png = png();
        JsonNode announced = announce(appeal, "MEDICAL_LETTER", "application/pdf", png.length);
        assertThat(put(announced, png)).isEqualTo(200);

        LocalApi.Response refused = complete(appeal, announced.get("id").asText());

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        JsonNode listed = officerList(appeal.id(), "officer:51.05").get("items").get(0);
        assertThat(listed.get("status").asText()).isEqualTo("REJECTED");
        assertThat(listed.has("url")).isFalse();
        // the object is gone: completing again finds a refused document, not the bytes
        assertThat(complete(appeal, announced.get("id").asText()).status()).isEqualTo(409);
        assertThat(tracking(appeal).get("documents").get(0).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void laterPutsThroughTheUploadUrl_changeNothingOfficersSee() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.06"));
        byte[] first = pdf(300);
        JsonNode announced = announce(appeal, "OTHER", "application/pdf", first.length);
        assertThat(put(announced, first)).isEqualTo(200);
        assertThat(complete(appeal, announced.get("id").asText()).status()).isEqualTo(200);

        byte[] second = pdf(300);
        second[100] = 'X';
        assertThat(put(announced, second)).isEqualTo(200);
        assertThat(complete(appeal, announced.get("id").asText()).status()).isEqualTo(200);

        assertThat(download(officerList(appeal.id(), "officer:51.06").get("items").get(0).get("url").asText())).isEqualTo(first);
    }

    @Test
    void thirteenthDocument_isRefused_butARefusedOneFreesItsPlace() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.07"));
        List<JsonNode> announced = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            announced.add(announce(appeal, "PHOTO", "application/pdf", 100));
        }
        ObjectNode thirteenth = Json.object().put("kind", "PHOTO").put("contentType", "application/pdf").put("size", 100);
        assertThat(post("/appeals/" + appeal.id() + "/documents", thirteenth, appeal.header()).status()).isEqualTo(409);
        assertThat(post("/admin/appeals/" + appeal.id() + "/documents", thirteenth,
                bearer(token("karangasem", "officer:51.07"))).status()).isEqualTo(409);

        // a document refused with 422 no longer counts
        assertThat(put(announced.get(0), png100())).isEqualTo(200);
        assertThat(complete(appeal, announced.get(0).get("id").asText()).status()).isEqualTo(422);
        assertThat(post("/appeals/" + appeal.id() + "/documents", thirteenth, appeal.header()).status()).isEqualTo(201);
    }

    @Test
    void documentStatusRules_reporterWhileSubmitted_officerUntilRejectedOrClosed() {
        String officer = token("buleleng", "officer:51.08");
        ObjectNode body = Json.object().put("kind", "KTP").put("contentType", "image/jpeg").put("size", 100);

        LocalApi.Reported verified = report(appealBody("51.08"));
        LocalApi.decide(officer, verified.id(), "VERIFY", null, null);
        assertThat(post("/appeals/" + verified.id() + "/documents", body, verified.header()).status()).isEqualTo(409);
        assertThat(post("/admin/appeals/" + verified.id() + "/documents", body, bearer(officer)).status()).isEqualTo(201);

        LocalApi.Reported rejected = report(appealBody("51.08"));
        LocalApi.decide(officer, rejected.id(), "REJECT", "bukan warga", null);
        assertThat(post("/appeals/" + rejected.id() + "/documents", body, rejected.header()).status()).isEqualTo(409);
        assertThat(post("/admin/appeals/" + rejected.id() + "/documents", body, bearer(officer)).status()).isEqualTo(409);

        LocalApi.decide(officer, verified.id(), "CLOSE", "pasien pulang", null);
        assertThat(post("/admin/appeals/" + verified.id() + "/documents", body, bearer(officer)).status()).isEqualTo(409);
    }

    // ---- who may do what

    @Test
    void reporterRoutes_answer404_withoutTheAppealsOwnToken() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.01"));
        LocalApi.Reported other = report(appealBody("51.01"));
        JsonNode announced = announce(appeal, "KTP", "application/pdf", 100);
        String docId = announced.get("id").asText();
        ObjectNode body = Json.object().put("kind", "KTP").put("contentType", "application/pdf").put("size", 100);
        String officer = token("jembrana", "officer:51.01");
        List<String[]> wrong = List.of(new String[0], other.header(), new String[] {"x-reporter-token", "x"},
                new String[] {"x-reporter-token", appeal.token().substring(1) + "A"}, bearer(officer));

        for (String[] headers : wrong) {
            assertThat(get("/appeals/" + appeal.id() + "/tracking", headers).status()).isEqualTo(404);
            assertThat(post("/appeals/" + appeal.id() + "/documents", body, headers).status()).isEqualTo(404);
            assertThat(send("POST", "/appeals/" + appeal.id() + "/documents/" + docId + "/complete", null, headers).status())
                    .isEqualTo(404);
        }
        // a document of another appeal is not found under this one, even with this one's token
        assertThat(complete(other, docId).status()).isEqualTo(404);
        assertThat(send("POST", "/admin/appeals/" + other.id() + "/documents/" + docId + "/complete", null,
                bearer(officer)).status()).isEqualTo(404);
        // an unknown appeal answers exactly as a wrong token does
        LocalApi.Response unknown = get("/appeals/AAAAAAAAAAAAAAAAAAAAAA/tracking", appeal.header());
        LocalApi.Response wrongToken = get("/appeals/" + appeal.id() + "/tracking", other.header());
        assertThat(unknown.json()).isEqualTo(wrongToken.json());
    }

    @Test
    void officerLinks_expireInFiveMinutes_andNothingIsPublic() throws Exception {
        LocalApi.Reported appeal = report(appealBody("51.71"));
        JsonNode announced = announce(appeal, "PHOTO", "image/png", png().length);
        put(announced, png());
        complete(appeal, announced.get("id").asText());

        String url = officerList(appeal.id(), "officer:51.71").get("items").get(0).get("url").asText();
        assertThat(url).startsWith("http://127.0.0.1:").contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        // the bucket answers nothing without a signature
        String unsigned = url.substring(0, url.indexOf('?'));
        assertThat(S3.send(HttpRequest.newBuilder(URI.create(unsigned)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
        assertThat(get("/admin/appeals/" + appeal.id() + "/documents").status()).isEqualTo(401);
        assertThat(get("/admin/appeals/" + appeal.id() + "/documents", bearer(token("o", "officer:51.02"))).status())
                .isEqualTo(403);
    }

    // ---- helpers

    static JsonNode announce(LocalApi.Reported appeal, String kind, String contentType, long size) {
        ObjectNode body = Json.object().put("kind", kind).put("contentType", contentType).put("size", size);
        LocalApi.Response r = post("/appeals/" + appeal.id() + "/documents", body, appeal.header());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        presigned(r.json().get("upload").get("url").asText());
        return r.json();
    }

    static LocalApi.Response complete(LocalApi.Reported appeal, String docId) {
        return send("POST", "/appeals/" + appeal.id() + "/documents/" + docId + "/complete", null, appeal.header());
    }

    static JsonNode tracking(LocalApi.Reported appeal) {
        LocalApi.Response r = get("/appeals/" + appeal.id() + "/tracking", appeal.header());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static JsonNode officerList(String appealId, String group) {
        LocalApi.Response r = get("/admin/appeals/" + appealId + "/documents", bearer(token("reader", group)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        r.json().get("items").forEach(i -> {
            if (i.has("url")) {
                presigned(i.get("url").asText());
            }
        });
        return r.json();
    }

    /**
     * PUTs {@code bytes} through the announced upload, with the headers it names (the client sets the length). It
     * asks to continue before sending the body, as S3 clients do: a refused upload is answered at once. Without that,
     * S3 can answer and close while the body is still being sent, and the client may lose the answer in a reset.
     */
    static int put(JsonNode announced, byte[] bytes) throws Exception {
        JsonNode upload = announced.get("upload");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upload.get("url").asText())).expectContinue(true);
        for (Map.Entry<String, JsonNode> h : upload.get("headers").properties()) {
            if (!h.getKey().equalsIgnoreCase("content-length")) { // a restricted header: the client sends the body's
                b.header(h.getKey(), h.getValue().asText());
            }
        }
        return S3.send(b.method(upload.get("method").asText(), HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int status(String url) throws Exception {
        return S3.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = S3.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        return pdf;
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | ((x + y) * 2));
            }
        }
        return image;
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(40, 30), "png", out);
        return out.toByteArray();
    }

    private static byte[] png100() throws IOException {
        return Arrays.copyOf(png(), 100);
    }

    /** A JPEG with an EXIF APP1 segment holding a GPS directory (Kota Denpasar), and an XMP APP1 segment. */
    static byte[] jpegWithGpsAndXmp() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(picture(64, 48), "jpg", plain);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(115.2126, -8.6705);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp,
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + XMP_MARKER + "</rdf:RDF></x:xmpmeta>");
        return withXmp.toByteArray();
    }

    /** The JPEG's segments before the image data: [marker, offset, length]. */
    private static List<int[]> segments(byte[] jpeg) {
        List<int[]> segments = new ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                segments.add(new int[] {marker, i, jpeg.length - i});
                break;
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            segments.add(new int[] {marker, i, length + 2});
            i += length + 2;
        }
        return segments;
    }

    private static long app1Count(byte[] jpeg) {
        return segments(jpeg).stream().filter(s -> s[0] == 0xE1).count();
    }

    private static boolean hasExifApp1(byte[] jpeg) {
        return segments(jpeg).stream().anyMatch(s -> s[0] == 0xE1
                && new String(jpeg, s[1] + 4, Math.min(6, s[2] - 4), StandardCharsets.ISO_8859_1).equals("Exif\0\0"));
    }

    /** From the start of the scan to the end: the compressed pixels, untouched by metadata removal. */
    private static byte[] scanData(byte[] jpeg) {
        int[] sos = segments(jpeg).stream().filter(s -> s[0] == 0xDA).findFirst().orElseThrow();
        return Arrays.copyOfRange(jpeg, sos[1], jpeg.length);
    }

    private static int[] pixels(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        return decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), null, 0, decoded.getWidth());
    }

    private static byte[] chunk(String type, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + bytes.length);
        chunk.putInt(bytes.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(bytes);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + bytes.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    private static byte[] withChunksBeforeIend(byte[] png, byte[]... chunks) {
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        out.write(png, iend, 12);
        return out.toByteArray();
    }
}
