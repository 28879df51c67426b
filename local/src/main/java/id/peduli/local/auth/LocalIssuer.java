package id.peduli.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool and API Gateway's JWT authorizer: mints RS256 tokens with a key kept
 * in the data directory and checks them as the authorizer does (signature, {@code iss}, {@code aud}, {@code exp}).
 */
public final class LocalIssuer {
    public static final String ISSUER = "https://peduli.local/issuer";
    static final String AUDIENCE = "peduli-local-officers";

    private final RSAKey key;
    private final DefaultJWTProcessor<SecurityContext> processor;

    LocalIssuer(RSAKey key) {
        this.key = key;
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat")));
    }

    /** The key in {@code dir}, made on first use; a fresh key when {@code dir} is null. */
    public static LocalIssuer open(Path dir) throws Exception {
        if (dir == null) {
            return new LocalIssuer(newKey());
        }
        Path file = dir.resolve("local-jwt-key.json");
        if (Files.exists(file)) {
            return new LocalIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        }
        RSAKey key = newKey();
        Files.createDirectories(dir);
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return new LocalIssuer(key);
    }

    private static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    public String mint(String subject, List<String> groups, long ttlSeconds) throws JOSEException {
        return sign(claims(subject, groups, ttlSeconds).build());
    }

    /** The claims a token of this issuer carries; tests alter them to make tokens the authorizer must refuse. */
    public static JWTClaimsSet.Builder claims(String subject, List<String> groups, long ttlSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .jwtID(UUID.randomUUID().toString())
                .claim("cognito:groups", groups)
                .claim("token_use", "id");
    }

    public String sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * The verified claims flattened as API Gateway passes them to the function (every value a string, arrays as
     * {@code [a b]}), or null when the token must be refused.
     */
    public Map<String, String> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Map<String, String> flat = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return flat;
        } catch (Exception e) {
            return null;
        }
    }

    private static String flatten(Object value) {
        if (value instanceof Date date) {
            return Long.toString(date.toInstant().getEpochSecond());
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() == 1 ? "" : " ").append(item);
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }
}
