package id.peduli.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * JSON for the functions: trees only, read and written with Jackson's streaming parser and generator. No
 * {@link ObjectMapper} is built on a function's path: building one costs about 130 ms of a cold start at
 * {@code -XX:TieredStopAtLevel=1} (measured by the benchmark), and trees need none of its binding machinery.
 * Parsing is strict, with limits that keep a hostile body from costing memory or time, and yields exactly the trees
 * the mapper of {@link #mapper()} yields: duplicate keys and trailing tokens refused, integers as
 * {@code BigIntegerNode}, fractions as {@code DecimalNode} with trailing zeros stripped.
 */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(40)
                    .maxStringLength(1 << 20)
                    .maxDocumentLength(8L << 20)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /**
     * For whole events: API Gateway hands over bodies of up to 10 MB (13.4 MB once base64-encoded) inside one JSON
     * string, so the event must be read whole before {@link Body} can refuse a body over its own limit with a 413.
     */
    private static final JsonFactory EVENTS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxNumberLength(40)
                    .maxStringLength(16 << 20)
                    .maxDocumentLength(16L << 20)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder(FACTORY.copy())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .build();
    }

    /**
     * An {@link ObjectMapper} with the same parsing rules, built on first use, for code off the functions' path
     * (the local stack, tests) that wants more than trees.
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Parses a request body; throws {@link IOException} for anything that is not one well-formed JSON value. */
    public static JsonNode parse(byte[] body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonNode node = tree(parser);
            if (node == null) {
                throw new IOException("empty body");
            }
            return node;
        }
    }

    /**
     * The top-level scalar members of a JSON object exactly as the sender wrote them: a string's content, or a
     * number's own text ({@code 50000.00} stays {@code "50000.00"}, where a tree would keep {@code 5E+4}). For
     * signatures computed over the values as sent. Members that are objects, arrays or null are left out.
     * @throws IOException when the body is not one well-formed JSON object
     */
    public static Map<String, String> scalarsAsSent(byte[] body) throws IOException {
        Map<String, String> scalars = new java.util.HashMap<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "not an object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT
                        || value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_TRUE
                        || value == JsonToken.VALUE_FALSE) {
                    scalars.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return scalars;
    }

    /** Reads one JSON value (an event); empty input reads as a missing node. */
    public static JsonNode read(InputStream in) {
        try (JsonParser parser = EVENTS.createParser(in)) {
            JsonNode node = tree(parser);
            return node == null ? NODES.missingNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The one value in the input, or null when there is none; anything after it is refused. */
    private static JsonNode tree(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return null;
        }
        JsonNode node = value(p, first);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "trailing token after the JSON value");
        }
        return node;
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        if (token == null) {
            throw new JsonParseException(p, "unexpected end of input");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT: {
                BigDecimal value = p.getDecimalValue();
                if (NODES.willStripTrailingBigDecimalZeroes()) {
                    try {
                        value = value.stripTrailingZeros();
                    } catch (ArithmeticException e) {
                        // keep it as written
                    }
                }
                return NODES.numberNode(value);
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
                return;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
                return;
            case STRING:
                g.writeString(node.textValue());
                return;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
                g.writeNull();
                return;
            case NUMBER:
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    default -> g.writeNumber(node.doubleValue());
                }
                return;
            default:
                // binary, POJO and missing nodes never occur on the functions' path; the mapper knows them all
                mapper().writeTree(g, node);
        }
    }
}
