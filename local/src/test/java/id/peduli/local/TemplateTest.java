package id.peduli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import id.peduli.core.http.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * template.yaml: valid against the AWS SAM schema, a route for every route of the contract, handlers that exist,
 * and the table the local stack creates from it. Needs: the shared folder beside the checkout
 * ({@code ../shared}) for the SAM schema and API.md; skipped without it outside CI, failed without it in CI.
 */
class TemplateTest {
    private static final Path ROOT = Main.findTemplate().getParent();
    private static final Path SHARED = ROOT.resolve("../shared").normalize();

    private static Path shared(String file) {
        Path path = SHARED.resolve(file);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci && !Files.exists(path)) {
            throw new AssertionError("CI needs " + path);
        }
        assumeTrue(Files.exists(path), "no " + path + " beside this checkout");
        return path;
    }

    private static JsonNode templateAsJson() throws Exception {
        return Json.mapper().valueToTree(Template.load(ROOT.resolve("template.yaml")).root());
    }

    private static Set<ValidationMessage> validate(JsonNode template) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonSchema schema = factory.getSchema(Json.mapper().readTree(shared("schemas/sam.schema.json").toFile()));
        return schema.validate(template);
    }

    @Test
    void template_isValidAgainstTheSamSchema() throws Exception {
        Set<ValidationMessage> errors = validate(templateAsJson());
        assertThat(errors).as("SAM schema errors").isEmpty();
    }

    @Test
    void schemaCheck_catchesABrokenTemplate() throws Exception {
        JsonNode broken = templateAsJson();
        ObjectNode props = (ObjectNode) broken.get("Resources").get("SubmitAppealFunction").get("Properties");
        props.put("MemorySize", "lots");
        ((ObjectNode) props.get("Events").get("Route").get("Properties")).put("Methd", "POST");
        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void shortFormIntrinsics_becomeLongForm() {
        Map<String, Object> doc = Template.parse(new StringReader("""
                a: !Ref Table
                b: !GetAtt Table.Arn
                c: !Sub "${Api}.example"
                d: !Not [!Equals [!Ref X, ""]]
                """));
        assertThat(doc.get("a")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(doc.get("b")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(doc.get("c")).isEqualTo(Map.of("Fn::Sub", "${Api}.example"));
        assertThat(doc.get("d")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "X"), "")))));
    }

    @Test
    void everyContractRoute_hasAFunction_andOnlyOfficerRoutesNeedTheAuthorizer() throws Exception {
        Set<String> contract = new TreeSet<>();
        Matcher m = Pattern.compile("^### `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)").matcher("");
        for (String line : Files.readAllLines(shared("API.md"))) {
            if (m.reset(line).find()) {
                contract.add(m.group(1) + " " + m.group(2).trim());
            }
        }
        for (String line : Files.readAllLines(shared("API.md"))) {
            Matcher bullet = Pattern.compile("^- `(GET|POST) (/admin[^`?]*)").matcher(line);
            if (bullet.find()) {
                contract.add(bullet.group(1) + " " + bullet.group(2).trim());
            }
        }
        contract.removeIf(r -> r.contains("/_local/"));

        Map<String, Boolean> routes = new LinkedHashMap<>();
        for (Template.Function f : Template.load(ROOT.resolve("template.yaml")).functions()) {
            assertThat(f.routes()).as(f.logicalId()).hasSize(1);
            f.routes().forEach(r -> routes.put(r.routeKey(), r.authorized()));
            assertThat(Class.forName(f.handlerClass()))
                    .isAssignableTo(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class);
        }
        assertThat(contract).hasSize(13);
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(contract);
        routes.forEach((route, authorized) -> assertThat(authorized).as(route).isEqualTo(route.contains(" /admin/")));
    }

    @Test
    void openapi_describesExactlyTheContractRoutes() throws Exception {
        Map<String, Object> openapi = Template.parse(Files.newBufferedReader(ROOT.resolve("openapi.yaml")));
        Set<String> documented = new TreeSet<>();
        Template.map(openapi.get("paths")).forEach((path, ops) -> Template.map(ops).keySet().stream()
                .filter(k -> List.of("get", "post", "put", "patch", "delete").contains(k))
                .forEach(k -> documented.add(k.toUpperCase() + " " + path)));
        Set<String> deployed = Template.load(ROOT.resolve("template.yaml")).functions().stream()
                .flatMap(f -> f.routes().stream()).map(Template.Route::routeKey).collect(Collectors.toCollection(TreeSet::new));
        documented.remove("POST /_local/token");
        assertThat(documented).isEqualTo(deployed);
    }

    @Test
    void localTable_isCreatedFromTheTemplate() throws Exception {
        LocalStack stack = LocalApi.stack();
        Map<String, Object> declared = Template.load(ROOT.resolve("template.yaml")).table().getValue();
        try (DynamoDbClient client = id.peduli.core.store.dynamodb.Dynamo.newClient()) {
            DescribeTableResponse table = client.describeTable(d -> d.tableName(stack.tableName()));
            assertThat(table.table().keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly("pk:HASH", "sk:RANGE");
            List<String> declaredIndexes = Template.list(declared.get("GlobalSecondaryIndexes")).stream()
                    .map(i -> (String) Template.map(i).get("IndexName")).toList();
            assertThat(table.table().globalSecondaryIndexes()).extracting(i -> i.indexName())
                    .containsExactlyInAnyOrderElementsOf(declaredIndexes).hasSize(5);
            assertThat(client.describeTimeToLive(d -> d.tableName(stack.tableName())).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.attributeName()).isEqualTo("ttl");
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    });
            // a second start on the same table leaves it as it is
            assertThat(TableFromTemplate.ensure(client, declared, stack.tableName())).isFalse();
        }
    }
}
