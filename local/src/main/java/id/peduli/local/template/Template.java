package id.peduli.local.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The SAM template, read as CloudFormation would: short-form intrinsics ({@code !Ref}, {@code !Sub}, ...) become
 * their long form ({@code {"Ref": ...}}). The local stack takes its routes, handlers and table from here, so the
 * template stays the single source of truth.
 */
public final class Template {
    private static final List<String> INTRINSICS = List.of("Ref", "Condition", "Sub", "GetAtt", "Join", "Select",
            "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs",
            "Transform", "ToJsonString", "Length");

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    public static Template load(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return new Template(parse(reader));
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new IntrinsicConstructor(options));
        return (Map<String, Object>) yaml.load(reader);
    }

    public Map<String, Object> root() {
        return root;
    }

    /**
     * A function: its handler, its timeout in seconds (its own or the Globals'), its HttpApi routes, and the rates of
     * its Schedule events (e.g. {@code rate(10 minutes)}).
     */
    public record Function(String logicalId, String handlerClass, String codeUri, int timeoutSeconds, List<Route> routes,
                           List<String> schedules) {}

    /** One HttpApi event: method, path template, and whether the JWT authorizer guards it. */
    public record Route(String method, String path, boolean authorized) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** The HTTP API's CORS rules; a parameter reference takes the environment variable's value or its default. */
    public record Cors(List<String> origins, String methods, String headers, String maxAge) {}

    public Cors cors() {
        Map<String, Object> config = apis().values().stream()
                .map(api -> map(map(api.get("Properties")).get("CorsConfiguration")))
                .filter(c -> !c.isEmpty()).findFirst().orElse(Map.of());
        List<String> origins = new ArrayList<>();
        list(config.get("AllowOrigins")).forEach(o -> origins.add(resolve(o)));
        List<String> methods = new ArrayList<>();
        list(config.get("AllowMethods")).forEach(m -> methods.add(resolve(m)));
        List<String> headers = new ArrayList<>();
        list(config.get("AllowHeaders")).forEach(h -> headers.add(resolve(h)));
        return new Cors(origins, String.join(",", methods), String.join(",", headers),
                String.valueOf(config.getOrDefault("MaxAge", "0")));
    }

    /** A literal, or a {@code Ref} to a parameter: its value from the environment (upper-snake name) or its default. */
    private String resolve(Object value) {
        Object ref = map(value).get("Ref");
        if (ref == null) {
            return String.valueOf(value);
        }
        String env = System.getenv(String.valueOf(ref).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
        return env != null && !env.isBlank() ? env
                : String.valueOf(map(map(root.get("Parameters")).get(ref)).get("Default"));
    }

    public List<Function> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        boolean defaultAuthorizer = apis().values().stream()
                .anyMatch(api -> map(map(api.get("Properties")).get("Auth")).get("DefaultAuthorizer") != null);
        List<Function> functions = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> props = map(resource.get("Properties"));
            String handler = String.valueOf(props.getOrDefault("Handler", globals.get("Handler")));
            List<Route> routes = new ArrayList<>();
            List<String> schedules = new ArrayList<>();
            map(props.get("Events")).values().forEach(e -> {
                Map<String, Object> event = map(e);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> ep = map(event.get("Properties"));
                    Object authorizer = map(ep.get("Auth")).get("Authorizer");
                    boolean authorized = authorizer == null ? defaultAuthorizer : !"NONE".equals(authorizer);
                    routes.add(new Route(String.valueOf(ep.get("Method")).toUpperCase(), String.valueOf(ep.get("Path")),
                            authorized));
                } else if ("Schedule".equals(event.get("Type"))) {
                    schedules.add(String.valueOf(map(event.get("Properties")).get("Schedule")));
                }
            });
            int timeout = Integer.parseInt(String.valueOf(props.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3))));
            functions.add(new Function(id, handler.split("::")[0], String.valueOf(props.get("CodeUri")), timeout, routes,
                    schedules));
        });
        return functions;
    }

    /** The logical id and properties of the one DynamoDB table. */
    public Map.Entry<String, Map<String, Object>> table() {
        return resources().entrySet().stream()
                .filter(e -> "AWS::DynamoDB::Table".equals(e.getValue().get("Type")))
                .map(e -> Map.entry(e.getKey(), map(e.getValue().get("Properties"))))
                .findFirst().orElseThrow(() -> new IllegalStateException("template declares no DynamoDB table"));
    }

    /** The logical id of the documents bucket: the one the functions are given as {@code DOCUMENTS_BUCKET}. */
    public String bucket() {
        Map<String, Object> variables = map(map(map(map(root.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        Object ref = map(variables.get("DOCUMENTS_BUCKET")).get("Ref");
        if (ref == null || !"AWS::S3::Bucket".equals(resources().getOrDefault(String.valueOf(ref), Map.of()).get("Type"))) {
            throw new IllegalStateException("template gives the functions no DOCUMENTS_BUCKET that is an S3 bucket");
        }
        return String.valueOf(ref);
    }

    private Map<String, Map<String, Object>> apis() {
        Map<String, Map<String, Object>> apis = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if ("AWS::Serverless::HttpApi".equals(r.get("Type"))) {
                apis.put(id, r);
            }
        });
        return apis;
    }

    private Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((k, v) -> resources.put(k, map(v)));
        return resources;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            for (String name : INTRINSICS) {
                String longName = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                this.yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            String text = constructScalar(scalar);
                            value = name.equals("GetAtt") ? new ArrayList<>(Arrays.asList(text.split("\\.", 2))) : text;
                        } else if (node instanceof SequenceNode seq) {
                            value = constructSequence(seq);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        Map<String, Object> intrinsic = new LinkedHashMap<>();
                        intrinsic.put(longName, value);
                        return intrinsic;
                    }
                });
            }
        }
    }
}
