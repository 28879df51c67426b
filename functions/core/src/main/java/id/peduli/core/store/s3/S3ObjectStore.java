package id.peduli.core.store.s3;

import id.peduli.core.Config;
import id.peduli.core.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link ObjectStore} on the S3 bucket named by {@code DOCUMENTS_BUCKET}. Region, credentials and endpoint come from
 * the environment as Lambda provides them ({@code AWS_ENDPOINT_URL_S3} / {@code aws.endpointUrlS3} where one is
 * set, as the local stack does; an endpoint that is an IP address is addressed path-style by the SDK's own rules).
 * Presigned URLs are signed with the function's credentials, so the function's role needs the permission the URL
 * grants.
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ObjectStore(S3Client client, S3Presigner presigner, String bucket) {
        this.client = client;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    private static final class Default {
        static final S3ObjectStore INSTANCE = new S3ObjectStore(
                S3Client.builder()
                        .httpClient(UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(2))
                                .socketTimeout(Duration.ofSeconds(5))
                                .build())
                        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(12)))
                        .build(),
                S3Presigner.builder().build(),
                Config.require("DOCUMENTS_BUCKET"));
    }

    /** The container's instance, built on first use. */
    public static S3ObjectStore fromEnvironment() {
        return Default.INSTANCE;
    }

    @Override
    public Presigned presignPut(String key, String contentType, long length, Duration validity) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(contentType).contentLength(length).build();
        PresignedPutObjectRequest signed = presigner.presignPutObject(r -> r.signatureDuration(validity).putObjectRequest(put));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new Presigned("PUT", signed.url().toString(), headers, signed.expiration());
    }

    @Override
    public Presigned presignGet(String key, Duration validity) {
        PresignedGetObjectRequest signed = presigner.presignGetObject(r -> r.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket(bucket).key(key)));
        return new Presigned("GET", signed.url().toString(), Map.of(), signed.expiration());
    }

    @Override
    public Optional<Content> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(g -> g.bucket(bucket).key(key))) {
            long length = in.response().contentLength();
            if (length > maxBytes) {
                in.abort();
                return Optional.of(new Content(length, null));
            }
            return Optional.of(new Content(length, in.readAllBytes()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) {
        // encrypted by the bucket's default encryption (SSE-S3), which the template sets
        client.putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public void delete(String key) {
        client.deleteObject(d -> d.bucket(bucket).key(key));
    }

    /** {@code content-type} as clients usually write it: {@code Content-Type}. */
    private static String canonical(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
