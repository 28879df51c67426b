package id.peduli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.documents.AddDocumentHandler;
import id.peduli.documents.CompleteDocumentHandler;
import id.peduli.core.http.HttpFunction;
import id.peduli.core.http.Json;
import id.peduli.core.store.Stores;
import id.peduli.core.wiring.Wiring;
import id.peduli.core.store.dynamodb.Dynamo;
import id.peduli.core.store.s3.S3ObjectStore;
import id.peduli.documents.OfficerDocumentsHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 requests per appeal with two supporting documents, and their price. The journey: the reporter announces each
 * document (AddDocumentHandler), PUTs its bytes to the presigned URL, completes it (CompleteDocumentHandler, which
 * reads the upload, writes the cleaned copy and deletes the upload); an officer lists the documents
 * (OfficerDocumentsHandler, presigned GETs) and downloads both. The functions run in this JVM on an S3 client
 * configured as theirs, with a bench-only interceptor that counts every HTTP request it transmits (retries
 * included) by operation; the presigned PUTs and GETs the browser would make are made here with the JDK's HttpClient
 * and counted by method. Both go to the local stack's S3 (s3proxy) on loopback.
 */
final class BenchS3 {
    private BenchS3() {}

    /** S3 Standard request prices, us-east-1, 2025 list: PUT, COPY, POST, LIST per 1,000; GET, HEAD and others per 1,000; DELETE free. */
    static final double PUT_CLASS_PER_1000 = 0.005;
    static final double GET_CLASS_PER_1000 = 0.0004;

    /** Requests by verb (PUT, GET, COPY, DELETE, HEAD, LIST, TAG), and by who made them. */
    record Result(int documents, Map<String, Integer> byVerb, Map<String, Integer> byOperation, int putClassRequests,
                  int getClassRequests, int free) {
        double usdPerMillionAppeals() {
            return (putClassRequests * PUT_CLASS_PER_1000 + getClassRequests * GET_CLASS_PER_1000) / 1000 * 1e6;
        }
    }

    /** Counts what an S3 client transmits, by operation. */
    static final class Counter implements ExecutionInterceptor {
        final Map<String, AtomicInteger> operations = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            operations.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    k -> new AtomicInteger()).incrementAndGet();
        }
    }

    static Result run(BenchWorld world) throws Exception {
        Counter counter = new Counter();
        S3ObjectStore objects;
        try (S3Client s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)).build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
             S3Presigner presigner = S3Presigner.builder().build()) {
            objects = new S3ObjectStore(s3, presigner, id.peduli.core.Config.require("DOCUMENTS_BUCKET"));
            Stores stores = Wiring.on(Dynamo.fromEnvironment());
            Clock clock = Clock.systemUTC();
            HttpFunction add = new AddDocumentHandler(stores, objects, clock);
            HttpFunction complete = new CompleteDocumentHandler(stores, objects, clock);
            HttpFunction list = new OfficerDocumentsHandler(stores, objects, clock);
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, Integer> browserVerbs = new TreeMap<>();

            JsonNode reported = world.submitted(BenchWorld.SUBMIT_REGION, 25_000_000L);
            String appeal = reported.get("id").asText();
            Map<String, String> reporter = BenchEvents.headers("x-reporter-token", reported.get("reporterToken").asText());
            byte[][] files = {pdf(48_000), png()};
            String[][] kinds = {{"MEDICAL_LETTER", "application/pdf"}, {"KTP", "image/png"}};
            for (int i = 0; i < files.length; i++) {
                ObjectNode body = Json.object().put("kind", kinds[i][0]).put("contentType", kinds[i][1]).put("size", files[i].length);
                BenchWorld.Answer announced = BenchWorld.invoke(add, BenchEvents.bytes(BenchEvents.http("POST",
                        "/appeals/{id}/documents", "/appeals/" + appeal + "/documents", Map.of("id", appeal), null,
                        Json.write(body), reporter, null)));
                expect(201, announced, "announce");
                JsonNode upload = announced.json().get("upload");
                HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()));
                upload.get("headers").properties().forEach(h -> {
                    if (!h.getKey().equalsIgnoreCase("content-length")) {
                        put.header(h.getKey(), h.getValue().asText());
                    }
                });
                int status = browser.send(put.method(upload.get("method").asText(),
                        HttpRequest.BodyPublishers.ofByteArray(files[i])).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                browserVerbs.merge(upload.get("method").asText(), 1, Integer::sum);
                if (status != 200) {
                    throw new IllegalStateException("presigned PUT answered " + status);
                }
                String doc = announced.json().get("id").asText();
                expect(200, BenchWorld.invoke(complete, BenchEvents.bytes(BenchEvents.http("POST",
                        "/appeals/{id}/documents/{docId}/complete", "/appeals/" + appeal + "/documents/" + doc + "/complete",
                        Map.of("id", appeal, "docId", doc), null, null, reporter, null))), "complete");
            }
            BenchWorld.Answer listed = expect(200, BenchWorld.invoke(list, BenchEvents.bytes(BenchEvents.get(
                    "/admin/appeals/{id}/documents", "/admin/appeals/" + appeal + "/documents", Map.of("id", appeal), null,
                    BenchEvents.officer(BenchWorld.SUBMIT_REGION)))), "officer list");
            int downloaded = 0;
            for (JsonNode item : listed.json().get("items")) {
                if (item.hasNonNull("url")) {
                    int status = browser.send(HttpRequest.newBuilder(URI.create(item.get("url").asText())).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    browserVerbs.merge("GET", 1, Integer::sum);
                    if (status != 200) {
                        throw new IllegalStateException("presigned GET answered " + status);
                    }
                    downloaded++;
                }
            }
            if (downloaded != files.length) {
                throw new IllegalStateException("the officer saw " + downloaded + " downloadable documents of " + files.length);
            }

            Map<String, Integer> byOperation = new TreeMap<>();
            counter.operations.forEach((op, n) -> byOperation.put(op, n.get()));
            browserVerbs.forEach((verb, n) -> byOperation.put("presigned " + verb, n));
            Map<String, Integer> byVerb = new LinkedHashMap<>();
            for (String verb : new String[] {"PUT", "GET", "COPY", "DELETE", "HEAD", "LIST", "TAG"}) {
                byVerb.put(verb, 0);
            }
            byOperation.forEach((op, n) -> byVerb.merge(verb(op), n, Integer::sum));
            int putClassRequests = byVerb.get("PUT") + byVerb.get("COPY") + byVerb.get("LIST") + byVerb.get("TAG");
            int getClassRequests = byVerb.get("GET") + byVerb.get("HEAD");
            Result r = new Result(files.length, byVerb, byOperation, putClassRequests, getClassRequests, byVerb.get("DELETE"));
            System.out.printf("  S3 per appeal with %d documents: %s [%s], USD %.2f per million appeals%n", files.length,
                    byVerb, byOperation, r.usdPerMillionAppeals());
            return r;
        }
    }

    static String verb(String operation) {
        return switch (operation) {
            case "PutObject", "presigned PUT", "UploadPart", "CreateMultipartUpload", "CompleteMultipartUpload" -> "PUT";
            case "GetObject", "presigned GET" -> "GET";
            case "CopyObject", "UploadPartCopy" -> "COPY";
            case "DeleteObject", "DeleteObjects" -> "DELETE";
            case "HeadObject", "HeadBucket" -> "HEAD";
            case "ListObjects", "ListObjectsV2", "ListBuckets" -> "LIST";
            case "PutObjectTagging", "GetObjectTagging" -> "TAG";
            default -> throw new IllegalStateException("an S3 operation the bench does not classify: " + operation);
        };
    }

    private static BenchWorld.Answer expect(int status, BenchWorld.Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    /** A scanned letter's size of PDF: the signature, then padding. */
    static byte[] pdf(int size) {
        byte[] pdf = new byte[size];
        Arrays.fill(pdf, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, pdf, 0, head.length);
        return pdf;
    }

    /** A small photo of an identity card's size, as PNG. */
    static byte[] png() throws java.io.IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, (x * 7 + y * 13) & 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
