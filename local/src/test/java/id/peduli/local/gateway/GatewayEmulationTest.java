package id.peduli.local.gateway;

import id.peduli.local.template.Template;
import id.peduli.local.web.StaticSite;
import id.peduli.local.auth.LocalIssuer;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway emulation on its own: a test function that echoes its event shows what API Gateway would hand a
 * function, and how the answer is written back. Needs: nothing but the JDK.
 */
class GatewayEmulationTest {
    private static ApiGateway gateway;
    private static LocalIssuer issuer;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        issuer = LocalIssuer.open(null);
        List<Template.Route> routes = List.of(
                new Template.Route("GET", "/things/{id}/parts/{part}", false),
                new Template.Route("POST", "/things/{id}", false),
                new Template.Route("GET", "/things/{id}/binary", false),
                new Template.Route("GET", "/things/{id}/crash", false),
                new Template.Route("GET", "/secure/{id}", true));
        Functions functions = new Functions(List.of(new Template.Function("EchoFunction", EchoHandler.class.getName(), null, 15, routes, List.of())));
        gateway = new ApiGateway(functions, issuer,
                new Template.Cors(List.of("https://web.example"), "GET,POST", "content-type,authorization", "600"),
                StaticSite.at(null), "127.0.0.1", 0);
        gateway.start(null);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery));
    }

    private static JsonNode echoed(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(207);
        return Json.mapper().readTree(response.body());
    }

    @Test
    void event_carriesRoutePathQueryHeadersAndCookies() throws Exception {
        JsonNode event = echoed(send(request("/things/a%20b/parts/7?x=1&x=2&y=hello%20world&flag")
                .header("X-Custom-Header", "Value").header("Cookie", "s=1; t=2")));

        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /things/{id}/parts/{part}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/things/a%20b/parts/7");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("x=1&x=2&y=hello%20world&flag");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("a b");
        assertThat(event.get("pathParameters").get("part").asText()).isEqualTo("7");
        assertThat(event.get("queryStringParameters").get("x").asText()).isEqualTo("1,2");
        assertThat(event.get("queryStringParameters").get("y").asText()).isEqualTo("hello world");
        assertThat(event.get("queryStringParameters").get("flag").asText()).isEmpty();
        assertThat(event.get("headers").get("x-custom-header").asText()).isEqualTo("Value");
        assertThat(event.get("headers").has("X-Custom-Header")).isFalse();
        assertThat(event.get("cookies")).extracting(JsonNode::asText).containsExactly("s=1", "t=2");
        JsonNode context = event.get("requestContext");
        assertThat(context.get("http").get("method").asText()).isEqualTo("GET");
        assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(context.get("requestId").asText()).isNotEmpty();
        assertThat(context.get("stage").asText()).isEqualTo("$default");
        assertThat(context.get("timeEpoch").asLong()).isPositive();
        assertThat(context.has("authorizer")).isFalse();

        // the same JSON binds to the AWS event class handlers written against it would use
        APIGatewayV2HTTPEvent typed = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(event, APIGatewayV2HTTPEvent.class);
        assertThat(typed.getRouteKey()).isEqualTo("GET /things/{id}/parts/{part}");
        assertThat(typed.getPathParameters()).containsEntry("id", "a b");
        assertThat(typed.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
    }

    @Test
    void bodies_textAsIs_binaryAsBase64() throws Exception {
        JsonNode text = echoed(send(request("/things/1").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"é\"}"))));
        assertThat(text.get("body").asText()).isEqualTo("{\"a\":\"é\"}");
        assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();

        byte[] bytes = {(byte) 0xff, 0, 1, 2};
        JsonNode binary = echoed(send(request("/things/1").header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
        assertThat(binary.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.get("body").asText())).isEqualTo(bytes);
    }

    @Test
    void answer_isWrittenAsApiGatewayWould() throws Exception {
        HttpResponse<byte[]> r = send(request("/things/1/binary"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(new byte[] {0, 1, 2, (byte) 255});
        assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2; HttpOnly");
        assertThat(r.headers().firstValue("x-one")).hasValue("1");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/octet-stream");
    }

    @Test
    void unknownRoute_andCrashingFunction_answerProblemDocuments() throws Exception {
        HttpResponse<byte[]> missing = send(request("/nothing/here"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(send(request("/things/1").DELETE()).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> crash = send(request("/things/1/crash"));
        assertThat(crash.statusCode()).isEqualTo(500);
        JsonNode problem = Json.mapper().readTree(crash.body());
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("requestId").asText()).isNotEmpty();
        assertThat(new String(crash.body())).doesNotContain("secret", "IllegalState", "10.0.0.1", "PeduliTable", "at id.");
    }

    @Test
    void authorizedRoute_passesVerifiedClaims_asApiGatewayFlattensThem() throws Exception {
        String token = issuer.mint("siska", List.of("officer:64", "officer:64.74"), 60);
        JsonNode event = echoed(send(request("/secure/9").header("authorization", "Bearer " + token)));

        JsonNode claims = event.get("requestContext").get("authorizer").get("jwt").get("claims");
        assertThat(claims.get("sub").asText()).isEqualTo("siska");
        assertThat(claims.get("cognito:groups").asText()).isEqualTo("[officer:64 officer:64.74]");
        assertThat(claims.get("iss").asText()).isEqualTo(LocalIssuer.ISSUER);
        assertThat(claims.get("exp").asText()).matches("\\d+");

        assertThat(send(request("/secure/9")).statusCode()).isEqualTo(401);
        assertThat(send(request("/secure/9").header("authorization", "Bearer " + token + "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void cors_allowsTheWebOrigin_only() throws Exception {
        HttpResponse<byte[]> preflight = send(request("/things/1").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://web.example").header("access-control-request-method", "POST"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("https://web.example");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");

        HttpResponse<byte[]> simple = send(request("/things/1/parts/2").header("origin", "https://web.example"));
        assertThat(simple.headers().firstValue("access-control-allow-origin")).hasValue("https://web.example");
        HttpResponse<byte[]> foreign = send(request("/things/1/parts/2").header("origin", "https://evil.example"));
        assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void oversizedBody_isRefusedByTheGateway() throws Exception {
        byte[] big = new byte[ApiGateway.MAX_BODY + 1];
        HttpResponse<byte[]> r = send(request("/things/1").header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(r.statusCode()).isEqualTo(413);
    }
}
