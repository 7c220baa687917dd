package org.smsoverxmpp.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cloud_assembly_schema.AssetManifest;
import software.amazon.awscdk.cloud_assembly_schema.Manifest;

/** Synthesizes the gateway for the template tests and reads what they look at. */
final class Synth {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Only the context without a default. */
    static final Map<String, Object> REQUIRED = Map.of("xmppHost", "xmpp.example.com", "componentDomain", "sms.example.com");

    /** Every provider, in the order the rehearsal deploys them. */
    static final String ALL_PROVIDERS = "twilio,telnyx,signalwire";
    private static final Map<Map<String, Object>, Synth> CACHE = new ConcurrentHashMap<>();

    final GatewayStack stack;
    final Template template;

    private Synth(GatewayStack stack) {
        this.stack = stack;
        this.template = Template.fromStack(stack);
    }

    /** The required context plus {@code extra}, with no region known (as in CI). */
    static Synth of(Map<String, Object> extra) {
        return of(extra, Map.of());
    }

    /**
     * The same as {@link #of(Map)}, synthesized once for all the tests that only read it: a synth with cdk-nag
     * takes seconds, and the provider tests look at the same few deploys again and again.
     */
    static Synth shared(Map<String, Object> extra) {
        return CACHE.computeIfAbsent(Map.copyOf(extra), Synth::of);
    }

    /** A deploy for {@code providers} (a comma list as in {@code -c providers}); empty leaves the context unset. */
    static Synth withProviders(String providers) {
        return shared(providers.isEmpty() ? Map.of() : Map.of("providers", providers));
    }

    /** @param env the CDK CLI's environment, e.g. {@code CDK_DEFAULT_REGION} */
    static Synth of(Map<String, Object> extra, Map<String, String> env) {
        Map<String, Object> context = new HashMap<>(REQUIRED);
        context.putAll(extra);
        return new Synth(build(context, env));
    }

    static GatewayStack build(Map<String, Object> context, Map<String, String> env) {
        return GatewayApp.build(new App(AppProps.builder().context(context).build()), ROOT, env);
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources(type);
    }

    /** The logical id of the only resource of {@code type}. */
    String only(String type) {
        Map<String, Map<String, Object>> found = resources(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** The bridge's one container definition. */
    @SuppressWarnings("unchecked")
    Map<String, Object> container() {
        Map<String, Object> task = resources("AWS::ECS::TaskDefinition").values().iterator().next();
        return (Map<String, Object>) ((List<Object>) properties(task).get("ContainerDefinitions")).get(0);
    }

    /** The bridge's plain environment, name → value (a string or a CloudFormation expression). */
    Map<String, Object> bridgeEnvironment() {
        return entries(container().get("Environment"), "Value");
    }

    /** The bridge's ECS secrets, name → ValueFrom. */
    Map<String, Object> bridgeSecrets() {
        return entries(container().get("Secrets"), "ValueFrom");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> webhookEnvironment() {
        Map<String, Object> function = resources("AWS::Lambda::Function").values().iterator().next();
        return (Map<String, Object>) ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
    }

    private static Map<String, Object> entries(Object list, String valueKey) {
        return ((List<?>) list).stream().map(e -> (Map<?, ?>) e)
                .collect(Collectors.toMap(e -> (String) e.get("Name"), e -> e.get(valueKey)));
    }

    /** The API's routes that take a POST, as full paths: {@code /sms}, {@code /telnyx/events}. */
    Set<String> postRoutes() {
        Map<String, Map<String, Object>> resources = resources("AWS::ApiGateway::Resource");
        Set<String> routes = new TreeSet<>();
        for (Map<String, Object> method : resources("AWS::ApiGateway::Method").values()) {
            if ("POST".equals(properties(method).get("HttpMethod"))) {
                routes.add(path(resources, properties(method).get("ResourceId")));
            }
        }
        return routes;
    }

    /** The path of the resource {@code id} refers to ({@code Ref}), up to the API's root ({@code Fn::GetAtt}). */
    private static String path(Map<String, Map<String, Object>> resources, Object id) {
        if (!(id instanceof Map<?, ?> ref) || !(ref.get("Ref") instanceof String logicalId)) {
            return "";
        }
        Map<String, Object> resource = properties(resources.get(logicalId));
        return path(resources, resource.get("ParentId")) + "/" + resource.get("PathPart");
    }

    /**
     * A value of the template as the deployed resource would see it, with {@code ref} standing for every Ref and
     * attribute: an Fn::Join of a URL comes out as {@code https://ref.execute-api.ref.ref/prod/status}.
     */
    static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::Join") instanceof List<?> join) {
            return ((List<?>) join.get(1)).stream().map(Synth::render).collect(Collectors.joining((String) join.get(0)));
        }
        return "ref";
    }

    /** Every statement of every AWS::IAM::Policy attached to the role {@code roleId}. */
    List<Map<?, ?>> statementsOf(String roleId) {
        List<Map<?, ?>> statements = new ArrayList<>();
        for (Map<String, Object> policy : resources("AWS::IAM::Policy").values()) {
            Map<String, Object> props = properties(policy);
            if (refersTo(props.get("Roles"), roleId)) {
                ((List<?>) ((Map<?, ?>) props.get("PolicyDocument")).get("Statement"))
                        .forEach(s -> statements.add((Map<?, ?>) s));
            }
        }
        return statements;
    }

    /** The logical id of the role a {@code Fn::GetAtt [role, Arn]} names. */
    static String roleOf(Object getAttArn) {
        return (String) ((List<?>) ((Map<?, ?>) getAttArn).get("Fn::GetAtt")).get(0);
    }

    String lambdaRole() {
        return roleOf(properties(resources("AWS::Lambda::Function").values().iterator().next()).get("Role"));
    }

    String taskRole() {
        return roleOf(properties(resources("AWS::ECS::TaskDefinition").values().iterator().next()).get("TaskRoleArn"));
    }

    String executionRole() {
        return roleOf(properties(resources("AWS::ECS::TaskDefinition").values().iterator().next()).get("ExecutionRoleArn"));
    }

    /** Whether {@code json} refers to the resource {@code logicalId} anywhere (Ref or Fn::GetAtt). */
    static boolean refersTo(Object json, String logicalId) {
        if (json instanceof Map<?, ?> map) {
            if (logicalId.equals(map.get("Ref"))
                    || map.get("Fn::GetAtt") instanceof List<?> att && logicalId.equals(att.get(0))) {
                return true;
            }
            return map.values().stream().anyMatch(v -> refersTo(v, logicalId));
        }
        return json instanceof List<?> list && list.stream().anyMatch(v -> refersTo(v, logicalId));
    }

    static List<String> actions(Map<?, ?> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
    }

    /** The platform each container image asset is built for ({@code linux/arm64}, {@code linux/amd64}). */
    List<String> imagePlatforms() {
        String directory = ((App) stack.getNode().getRoot()).synth().getDirectory();
        AssetManifest assets = Manifest.loadAssetManifest(Path.of(directory, stack.getArtifactId() + ".assets.json").toString());
        return assets.getDockerImages().values().stream().map(image -> image.getSource().getPlatform()).toList();
    }
}
