package id.peduli.local.web;

import id.peduli.local.template.Template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.peduli.core.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web client in AWS as template.yaml declares it: a private bucket that only the CloudFront distribution reads
 * (Origin Access Control), the API's paths routed uncached to the HTTP API with the viewer's headers, HTTPS only,
 * security headers, the Hosted UI client for the console. The SAM schema accepts any CloudFormation resource, so
 * these properties are checked here. The distribution's page-routing function runs in chromium and must map every
 * path as the local StaticSite does. Needs: chromium and chromium-driver (for the function only).
 */
class WebDeployTest {
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final List<String> API_PATHS = List.of("/appeals*", "/donations*", "/admin*", "/webhooks*", "/a/*");
    private static final Path ROOT = StaticSite.locate().getParent();
    private static Template template;
    private static JsonNode resources;
    private static Browser browser;

    @BeforeAll
    static void load() throws Exception {
        template = Template.load(ROOT.resolve("template.yaml"));
        resources = Json.mapper().valueToTree(template.root()).get("Resources");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static JsonNode props(String id) {
        assertThat(resources.has(id)).as(id).isTrue();
        return resources.get(id).get("Properties");
    }

    @Test
    void theWebBucket_isPrivate_andReadOnlyByTheDistribution() {
        JsonNode block = props("WebBucket").get("PublicAccessBlockConfiguration");
        List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
                .forEach(k -> assertThat(block.get(k).asBoolean()).as(k).isTrue());
        List<JsonNode> allows = new ArrayList<>();
        props("WebBucketPolicy").get("PolicyDocument").get("Statement").forEach(st -> {
            if (st.get("Effect").asText().equals("Allow")) {
                allows.add(st);
            }
        });
        assertThat(allows).isNotEmpty().allSatisfy(st -> {
            assertThat(st.get("Principal").toString()).isEqualTo("{\"Service\":\"cloudfront.amazonaws.com\"}");
            assertThat(st.get("Condition").get("StringEquals").get("AWS:SourceArn").toString()).contains("${WebDistribution}");
            assertThat(st.get("Action").asText()).isIn("s3:GetObject", "s3:ListBucket");
        });
        JsonNode oac = props("WebOriginAccessControl").get("OriginAccessControlConfig");
        assertThat(oac.get("OriginAccessControlOriginType").asText()).isEqualTo("s3");
        assertThat(oac.get("SigningBehavior").asText()).isEqualTo("always");
        assertThat(oac.get("SigningProtocol").asText()).isEqualTo("sigv4");
        // the local stack creates the bucket the functions are given, not the web site's
        assertThat(template.bucket()).isEqualTo("DocumentsBucket");
    }

    @Test
    void theDistribution_servesTheBucket_andSendsTheApisPaths_uncached_toTheHttpApi() {
        JsonNode config = props("WebDistribution").get("DistributionConfig");
        Map<String, JsonNode> origins = new LinkedHashMap<>();
        config.get("Origins").forEach(o -> origins.put(o.get("Id").asText(), o));
        assertThat(origins.get("web").get("OriginAccessControlId").toString()).contains("WebOriginAccessControl");
        assertThat(origins.get("web").get("S3OriginConfig").get("OriginAccessIdentity").asText()).isEmpty();
        assertThat(origins.get("api").get("DomainName").toString()).contains("${PeduliApi}.execute-api.");
        assertThat(origins.get("api").get("CustomOriginConfig").get("OriginProtocolPolicy").asText()).isEqualTo("https-only");

        JsonNode fallback = config.get("DefaultCacheBehavior");
        assertThat(fallback.get("TargetOriginId").asText()).isEqualTo("web");
        assertThat(fallback.get("CachePolicyId").asText()).isEqualTo(CACHING_OPTIMIZED);
        assertThat(fallback.get("FunctionAssociations").get(0).get("EventType").asText()).isEqualTo("viewer-request");
        List<JsonNode> behaviors = StreamSupport.stream(config.get("CacheBehaviors").spliterator(), false).toList();
        assertThat(behaviors).extracting(b -> b.get("PathPattern").asText()).containsExactlyInAnyOrderElementsOf(API_PATHS);
        assertThat(behaviors).allSatisfy(b -> {
            assertThat(b.get("TargetOriginId").asText()).isEqualTo("api");
            assertThat(b.get("CachePolicyId").asText()).isEqualTo(CACHING_DISABLED);
            assertThat(b.get("OriginRequestPolicyId").asText()).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
            assertThat(b.get("AllowedMethods")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE");
        });
        List<JsonNode> all = new ArrayList<>(behaviors);
        all.add(fallback);
        assertThat(all).allSatisfy(b -> {
            assertThat(b.get("ViewerProtocolPolicy").asText()).isEqualTo("redirect-to-https");
            assertThat(b.get("ResponseHeadersPolicyId").toString()).contains("WebSecurityHeaders");
        });

        // Every API route goes to the API; no page of the web client does.
        List<Pattern> api = API_PATHS.stream().map(p -> Pattern.compile(Pattern.quote(p).replace("*", "\\E.*\\Q"))).toList();
        for (Template.Function f : template.functions()) {
            for (Template.Route r : f.routes()) {
                String example = r.path().replaceAll("\\{[^}]+}", "x1");
                assertThat(api).as(r.routeKey()).anyMatch(p -> p.matcher(example).matches());
            }
        }
        for (String page : List.of("/", "/lapor", "/lapor/abc", "/petugas", "/donasi/abc", "/js/admin.js", "/css/site.css",
                "/config.json", "/i18n/id.json", "/data/wilayah.json")) {
            assertThat(api).as(page).noneMatch(p -> p.matcher(page).matches());
        }
    }

    @Test
    void securityHeaders_andTheHostedUiClient_areDeclared() {
        JsonNode headers = props("WebSecurityHeaders").get("ResponseHeadersPolicyConfig").get("SecurityHeadersConfig");
        String csp = headers.get("ContentSecurityPolicy").get("ContentSecurityPolicy").toString();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "${DocumentsBucket}.s3.",
                ".auth.${AWS::Region}.amazoncognito.com");
        assertThat(headers.get("StrictTransportSecurity").get("AccessControlMaxAgeSec").asInt()).isGreaterThanOrEqualTo(31536000);
        assertThat(headers.get("FrameOptions").get("FrameOption").asText()).isEqualTo("DENY");
        assertThat(headers.has("ContentTypeOptions")).isTrue();

        JsonNode client = props("OfficerUserPoolClient");
        assertThat(client.get("GenerateSecret").asBoolean()).isFalse(); // a browser keeps no secret: PKCE instead
        assertThat(client.get("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(client.get("AllowedOAuthFlows")).extracting(JsonNode::asText).containsExactly("code");
        assertThat(client.get("CallbackURLs").toString()).contains("${WebOrigin}/petugas");
        assertThat(props("OfficerSignInDomain").get("UserPoolId").toString()).contains("OfficerUserPool");

        JsonNode outputs = Json.mapper().valueToTree(template.root()).get("Outputs");
        List.of("WebUrl", "WebBucketName", "WebDistributionId", "OfficerSignInUrl", "OfficerSignInRedirectUri",
                "OfficerUserPoolClientId").forEach(o -> assertThat(outputs.has(o)).as(o).isTrue());
        // what the upload script reads from the stack is what the stack puts out
        String script = read(ROOT.resolve("scripts/deploy-web.sh"));
        List.of("WebBucketName", "WebDistributionId", "OfficerSignInUrl", "OfficerSignInRedirectUri", "OfficerUserPoolClientId")
                .forEach(o -> assertThat(script).contains(o));
    }

    @Test
    void thePageRoutingFunction_mapsPathsAsTheLocalStackDoes() {
        String code = props("WebPageRoutes").get("FunctionCode").asText();
        browser = new Browser();
        browser.open("/404-for-a-blank-page");
        for (String path : List.of("/", "/index.html", "/lapor", "/lapor/", "/petugas", "/petugas/", "/donasi/AbC_12-x",
                "/lapor/AbC_12-x", "/donasi/a/b", "/donasi/", "/lapor/x.y", "/css/site.css", "/js/officer.js", "/config.json",
                "/a.html", "/404.html", "/lapor.html", "/favicon.ico")) {
            Object answer = browser.js(code + "\nconst r = handler({request: {uri: arguments[0], headers: {}}});"
                    + "\nreturn r.statusCode ? String(r.statusCode) : r.uri;", path);
            String page = StaticSite.page(path);
            String expected = page != null ? "/" + page : path.endsWith(".html") ? "404" : path;
            assertThat(answer).as(path).isEqualTo(expected);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            throw new AssertionError(file + " is missing", e);
        }
    }
}
