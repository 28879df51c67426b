package id.peduli.local;

import id.peduli.local.testkit.LocalApi;
import id.peduli.local.template.Template;
import id.peduli.local.template.TableFromTemplate;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * template.yaml: valid against the AWS SAM schema, exactly the routes {@code openapi.yaml} describes, one function
 * per route with a handler that exists, the authorizer on officer routes only, and the table the local stack
 * creates from it. Needs nothing outside the repository: the SAM schema is a test resource ({@code sam/}, with
 * its licence), and {@code openapi.yaml} is the contract's route list.
 */
class TemplateTest {
    private static final Path ROOT = Main.findTemplate().getParent();

    private static JsonNode templateAsJson() throws Exception {
        return Json.mapper().valueToTree(Template.load(ROOT.resolve("template.yaml")).root());
    }

    private static Set<ValidationMessage> validate(JsonNode template) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonSchema schema = factory.getSchema(Json.mapper().readTree(
                TemplateTest.class.getResourceAsStream("/sam/sam.schema.json")));
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

    /** The routes {@code openapi.yaml} documents, but for the local stack's own ({@code /_local/}, {@code /_sandbox/}). */
    private static Set<String> documentedRoutes() throws Exception {
        Map<String, Object> openapi = Template.parse(Files.newBufferedReader(ROOT.resolve("openapi.yaml")));
        Set<String> documented = new TreeSet<>();
        Template.map(openapi.get("paths")).forEach((path, ops) -> Template.map(ops).keySet().stream()
                .filter(k -> List.of("get", "post", "put", "patch", "delete").contains(k))
                .forEach(k -> documented.add(k.toUpperCase() + " " + path)));
        documented.removeIf(r -> r.contains(" /_local/") || r.contains(" /_sandbox/"));
        return documented;
    }

    @Test
    void everyDocumentedRoute_hasOneFunction_andOnlyOfficerRoutesNeedTheAuthorizer() throws Exception {
        Map<String, Boolean> routes = new LinkedHashMap<>();
        for (Template.Function f : Template.load(ROOT.resolve("template.yaml")).functions()) {
            assertThat(f.routes()).as(f.logicalId()).hasSizeLessThanOrEqualTo(1);
            f.routes().forEach(r -> assertThat(routes.put(r.routeKey(), r.authorized())).as(r.routeKey()).isNull());
            assertThat(Class.forName(f.handlerClass()))
                    .isAssignableTo(com.amazonaws.services.lambda.runtime.RequestStreamHandler.class);
        }
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(documentedRoutes());
        routes.forEach((route, authorized) -> assertThat(authorized).as(route).isEqualTo(route.contains(" /admin/")));
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
                    .containsExactlyInAnyOrderElementsOf(declaredIndexes).hasSize(6);
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
