package id.peduli.local.gateway;

import id.peduli.local.template.Template;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template's functions hosted in this process, each built once on first use like a warm Lambda container,
 * and invoked with the event as JSON bytes, exactly as the Lambda runtime hands it over.
 */
public final class Functions {
    /** The AWS region the hosted functions run in, unless AWS_REGION says otherwise. */
    public static final String REGION = "ap-southeast-3";

    private final Map<String, Template.Function> byId = new LinkedHashMap<>();
    private final Map<String, RequestStreamHandler> instances = new ConcurrentHashMap<>();

    public Functions(List<Template.Function> functions) {
        functions.forEach(f -> byId.put(f.logicalId(), f));
    }

    public Template.Function get(String logicalId) {
        Template.Function f = byId.get(logicalId);
        if (f == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template; known: " + byId.keySet());
        }
        return f;
    }

    public List<Template.Function> all() {
        return List.copyOf(byId.values());
    }

    /** Runs the function on {@code event} and returns what it answered, as JSON. */
    public JsonNode invoke(String logicalId, JsonNode event, String requestId) throws IOException {
        RequestStreamHandler handler = instances.computeIfAbsent(logicalId, id -> instantiate(get(id).handlerClass()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out,
                LocalContext.of(requestId, logicalId, get(logicalId).timeoutSeconds()));
        return Json.mapper().readTree(out.toByteArray());
    }

    private static RequestStreamHandler instantiate(String className) {
        try {
            return (RequestStreamHandler) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build handler " + className, e);
        }
    }
}
