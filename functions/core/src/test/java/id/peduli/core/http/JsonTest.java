package id.peduli.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Json} reads and writes trees without an ObjectMapper; it must read exactly the trees, and write exactly the
 * text, that the mapper it replaced did (the same factory limits and features, configured here once more).
 */
class JsonTest {
    private static final ObjectMapper REFERENCE = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxNumberLength(40)
                            .maxStringLength(1 << 20)
                            .maxDocumentLength(8L << 20)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    static Stream<String> documents() throws IOException {
        List<String> docs = new ArrayList<>(List.of(
                "{}", "[]", "null", "true", "false", "0", "-0", "7", "-12", "2147483648", "9223372036854775808",
                "123456789012345678901234567890", "1.0", "1.50", "-0.0", "0.000", "1e3", "1E-10", "-2.5e+3", "100.00",
                "50000.00", "3.14159265358979323846264338327950288", "\"\"", "\"Rp 50.000 \\u00e9 \\ud83d\\ude00 \\n \\\" \\\\\"",
                "{\"a\":1,\"b\":[1,2.0,\"x\",null,true,{\"c\":{}}],\"d\":\"é\"}",
                "  {\"amount\": 50000, \"donorName\": \"Budi\", \"anonymous\": false, \"message\": null}  ",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"));
        try (Stream<Path> events = Files.list(events())) {
            events.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> {
                try {
                    docs.add(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return docs.stream();
    }

    private static Path events() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("events/ not found");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void readsTheTreesTheMapperRead_andWritesTheSameText(String doc) throws IOException {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = REFERENCE.readTree(bytes);
        JsonNode parsed = Json.parse(bytes);
        JsonNode read = Json.read(new ByteArrayInputStream(bytes));

        assertThat(parsed).isEqualTo(expected);
        assertThat(read).isEqualTo(expected);
        assertSameNodeClasses(parsed, expected);
        assertThat(Json.write(parsed)).isEqualTo(REFERENCE.writeValueAsString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "{", "{\"a\":1", "{\"a\":1}}", "{\"a\":1} {}", "[1,]", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}",
        "NaN", "01", "'x'", "{a:1}", "[1] x", "\"unterminated",
        "123456789012345678901234567890123456789012", // longer than 40 digits
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]" // deeper than 32
    })
    void refusesWhatTheMapperRefused(String doc) {
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        boolean referenceRefuses;
        try {
            JsonNode node = REFERENCE.readTree(REFERENCE.createParser(bytes));
            referenceRefuses = node == null || node.isMissingNode();
        } catch (IOException e) {
            referenceRefuses = true;
        }
        assertThat(referenceRefuses).as("the reference mapper refuses %s", doc).isTrue();
        assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOf(IOException.class);
    }

    @Test
    void writesEveryKindOfNodeAsTheMapperDid() throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode tree = Json.object();
        tree.put("int", 7).put("long", 1L << 40).put("short", (short) 3).put("double", 0.1).put("float", 1.5f)
                .put("nan", Double.NaN).put("big", new BigInteger("123456789012345678901234567890"))
                .put("decimal", new BigDecimal("50000.00")).put("plainDecimal", new BigDecimal("1E+3"))
                .put("text", "Semoga lekas sembuh, \"Putra\" \u00e9 \ud83d\ude00 \u0007").put("yes", true).putNull("none");
        tree.set("bytes", f.binaryNode(new byte[] {1, 2, 3}));
        tree.putArray("list").add(1).add("two").addNull().addObject().put("x", "y");
        assertThat(Json.write(tree)).isEqualTo(REFERENCE.writeValueAsString(tree));
    }

    @Test
    void emptyEventReadsAsMissing() {
        assertThat(Json.read(new ByteArrayInputStream(new byte[0])).isMissingNode()).isTrue();
    }

    private static void assertSameNodeClasses(JsonNode a, JsonNode b) {
        assertThat(a.getClass()).isEqualTo(b.getClass());
        if (a.isContainerNode()) {
            assertThat(a.size()).isEqualTo(b.size());
            if (a.isObject()) {
                a.properties().forEach(e -> assertSameNodeClasses(e.getValue(), b.get(e.getKey())));
            } else {
                for (int i = 0; i < a.size(); i++) {
                    assertSameNodeClasses(a.get(i), b.get(i));
                }
            }
        }
    }
}
