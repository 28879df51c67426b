package id.peduli.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.peduli.core.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A test function that answers with the event it was given, plus cookies and a base64 body when asked. */
public final class EchoHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        ObjectNode answer = Json.object();
        if (event.path("rawPath").asText().endsWith("/binary")) {
            answer.put("statusCode", 200);
            answer.putObject("headers").put("content-type", "application/octet-stream").put("x-one", "1");
            answer.putArray("cookies").add("a=1; Path=/").add("b=2; HttpOnly");
            answer.put("body", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}));
            answer.put("isBase64Encoded", true);
        } else if (event.path("rawPath").asText().endsWith("/crash")) {
            throw new IllegalStateException("secret internal detail: table PeduliTable at 10.0.0.1");
        } else {
            answer.put("statusCode", 207);
            answer.putObject("headers").put("content-type", "application/json");
            answer.put("body", Json.write(event));
            answer.put("isBase64Encoded", false);
        }
        output.write(Json.write(answer).getBytes(StandardCharsets.UTF_8));
    }
}
