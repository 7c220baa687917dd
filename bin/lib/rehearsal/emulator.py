"""bin/rehearse-deploy's side of the emulator: what it creates before the deploy, and what it checks after.

  emulator.py prepare ENDPOINT TEMPLATE_JSON
      creates every secret the synthesized template refers to (moto's CloudFormation cannot create them)
  emulator.py verify ENDPOINT OUTPUTS_JSON DOCKER_LOG MOTO_LOG PLATFORM PROVIDERS [DEFAULT_PROVIDER]
      checks that the deployed resources are wired as the stack says for PROVIDERS (-c providers, a comma
      list; empty for the unset context, Twilio alone), and that moto skipped only the resource types it is
      known not to model (docs/configuration.md, "Deploy rehearsal")

Uses boto3, which moto itself depends on. Exits 1 naming every failed check.
"""
import json
import re
import sys

import boto3

REGION = "us-east-1"
STACK = "SmsOverXmpp"
COMPONENT_SECRET = "sms-over-xmpp/component"

# What the stack deploys per provider (infra-cdk's Provider.java): the API's routes, the outputs that show their
# URLs, the webhook's secret variable, the bridge's URL variables (route each names) and its ECS secrets.
PROVIDERS = {
    "twilio": {
        # Beside other providers Twilio keeps the routes from before, for numbers still configured with them.
        "routes": ["/twilio/sms", "/twilio/status", "/sms", "/status"],
        "outputs": {"TwilioSmsWebhookUrl": "/twilio/sms", "TwilioStatusWebhookUrl": "/twilio/status"},
        "urls": {"TWILIO_STATUS_CALLBACK_URL": "/twilio/status"},
        "bridge_secrets": ["TWILIO_ACCOUNT_SID", "TWILIO_API_KEY_SID", "TWILIO_API_KEY_SECRET"],
        "title": "Twilio",
    },
    "telnyx": {
        "routes": ["/telnyx/events"],
        "outputs": {"TelnyxWebhookUrl": "/telnyx/events"},
        "urls": {"TELNYX_WEBHOOK_URL": "/telnyx/events"},
        "bridge_secrets": ["TELNYX_API_KEY"],
        "title": "Telnyx",
    },
    "signalwire": {
        "routes": ["/signalwire/sms", "/signalwire/status"],
        "outputs": {"SignalWireSmsWebhookUrl": "/signalwire/sms", "SignalWireStatusWebhookUrl": "/signalwire/status"},
        "urls": {"SIGNALWIRE_STATUS_CALLBACK_URL": "/signalwire/status"},
        "bridge_secrets": ["SIGNALWIRE_PROJECT_ID", "SIGNALWIRE_API_TOKEN", "SIGNALWIRE_SPACE_URL"],
        "title": "SignalWire",
    },
}
# Twilio alone (the unset context) is the deploy from before providers were a choice, unchanged.
TWILIO_ALONE = dict(PROVIDERS["twilio"], routes=["/sms", "/status"],
                    outputs={"SmsWebhookUrl": "/sms", "StatusWebhookUrl": "/status"},
                    urls={"TWILIO_STATUS_CALLBACK_URL": "/status"})

# A secret's name inside an ARN the template builds: ...:secret:NAME, NAME-?????? (a grant), NAME:key:: (ECS).
SECRET_IN_ARN = re.compile(r":secret:([A-Za-z0-9/_+=.@-]+?)(?:-\?{6}|:[A-Za-z0-9_]+::)?$")

# Types in the rehearsal's template that moto's CloudFormation has no model for: it logs "No Moto
# CloudFormation support for <type>" and creates nothing. The template tests cover what each is for.
KNOWN_UNMODELLED = {
    "AWS::ApiGateway::Account",  # the CloudWatch Logs role for access logging
    "AWS::ApiGateway::GatewayResponse",  # throttling and integration failures answered with 503
    "AWS::ApiGateway::Stage",  # stage prod: throttling, access logs
    "AWS::CDK::Metadata",
    "AWS::CloudWatch::Alarm",
    "AWS::ECS::ClusterCapacityProviderAssociations",  # FARGATE / FARGATE_SPOT, which the service depends on
    "AWS::S3::BucketPolicy",  # TLS only; CloudFront's read access (left out with CloudFront)
    "AWS::SNS::Subscription",  # only with -c alarmEmail
    "AWS::SNS::TopicPolicy",
    "AWS::SQS::QueuePolicy",  # TLS only
}


def client(endpoint, service):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION,
                        aws_access_key_id="test", aws_secret_access_key="test")


def referenced_secrets(node, names):
    """Every secret name in an ARN anywhere in the template (the rehearsal's stack refers to them by name)."""
    if isinstance(node, dict):
        for value in node.values():
            referenced_secrets(value, names)
    elif isinstance(node, list):
        for value in node:
            referenced_secrets(value, names)
    elif isinstance(node, str):
        match = SECRET_IN_ARN.search(node)
        if match:
            names.add(match.group(1))
    return names


def prepare(endpoint, template_file):
    secrets = client(endpoint, "secretsmanager")
    for name in sorted(referenced_secrets(json.load(open(template_file)), set())):
        secrets.create_secret(Name=name, SecretString='{"placeholder":"rehearsal"}')


def deployed(providers):
    """The expectations for -c providers=PROVIDERS, in order; empty is Twilio alone."""
    ids = [p for p in providers.split(",") if p] or ["twilio"]
    if ids == ["twilio"]:
        return [("twilio", TWILIO_ALONE)]
    return [(p, PROVIDERS[p]) for p in ids]


def secret_names(policy_documents):
    """The secrets a role's policies let it read, by name (from the resource ARNs of secretsmanager statements)."""
    names = set()
    for document in policy_documents:
        for statement in document.get("Statement", []):
            actions = statement.get("Action", [])
            actions = [actions] if isinstance(actions, str) else actions
            if any(a.startswith("secretsmanager:") for a in actions):
                resources = statement.get("Resource", [])
                for resource in [resources] if isinstance(resources, str) else resources:
                    match = SECRET_IN_ARN.search(resource)
                    names.add(match.group(1) if match else resource)
    return names


def role_policies(iam, role_arn):
    role = role_arn.rsplit("/", 1)[-1]
    return [iam.get_role_policy(RoleName=role, PolicyName=name)["PolicyDocument"]
            for name in iam.list_role_policies(RoleName=role)["PolicyNames"]]


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def equal(self, what, actual, expected):
        if actual == expected:
            self.passed += 1
        else:
            self.failures.append(f"{what}: expected {expected!r}, got {actual!r}")

    def true(self, what, condition):
        self.equal(what, bool(condition), True)


def verify(endpoint, outputs_file, docker_log, moto_log, platform, providers, default_provider=""):
    check = Checks()
    providers = deployed(providers)
    ids = [p for p, _ in providers]
    default_provider = default_provider or ids[0]
    outputs = json.load(open(outputs_file))[STACK]
    for key in ["QueueUrl", "DeadLetterQueueUrl", "OutboxQueueUrl", "MappingsTableName", "ShowComponentSecret"]:
        check.true(f"stack output {key}", outputs.get(key))

    # Exactly the secrets the deployed providers need exist: prepare created what the template refers to.
    expected_secrets = {COMPONENT_SECRET}
    for p, _ in providers:
        expected_secrets |= {f"sms-over-xmpp/{p}/webhook", f"sms-over-xmpp/{p}/api"}
    created = {s["Name"] for s in client(endpoint, "secretsmanager").list_secrets()["SecretList"]}
    check.equal("secrets the stack refers to", sorted(created), sorted(expected_secrets))

    apis = [a for a in client(endpoint, "apigateway").get_rest_apis()["items"] if a["name"] == "sms-over-xmpp-webhook"]
    check.equal("REST APIs named sms-over-xmpp-webhook", len(apis), 1)
    api_id = apis[0]["id"] if apis else "?"
    base = f"https://{api_id}.execute-api.{REGION}.amazonaws.com/prod"
    resources = client(endpoint, "apigateway").get_resources(restApiId=api_id)["items"] if apis else []
    routes = {r["path"]: sorted(r.get("resourceMethods", {})) for r in resources if r.get("resourceMethods")}
    expected_routes = {route: ["POST"] for _, p in providers for route in p["routes"]}
    check.equal("API routes", routes, expected_routes)

    functions = client(endpoint, "lambda").list_functions()["Functions"]
    check.equal("Lambda functions", len(functions), 1)
    env = functions[0].get("Environment", {}).get("Variables", {}) if functions else {}
    check.equal("webhook PUBLIC_BASE_URL (the API's own stage URL)", env.get("PUBLIC_BASE_URL"), base)
    check.equal("webhook QUEUE_URL", env.get("QUEUE_URL"), outputs.get("QueueUrl"))
    check.true("webhook has no JAVA_TOOL_OPTIONS", "JAVA_TOOL_OPTIONS" not in env)
    check.equal("webhook's provider variables", sorted(k for k in env if k.endswith("_SECRET_ID")),
                sorted(f"{p.upper()}_SECRET_ID" for p in ids))
    iam = client(endpoint, "iam")
    webhook_reads = secret_names(role_policies(iam, functions[0]["Role"])) if functions else set()
    check.equal("secrets the webhook may read", sorted(webhook_reads), sorted(f"sms-over-xmpp/{p}/webhook" for p in ids))

    for p, expected in providers:
        title = expected["title"]
        check.true(f"webhook {p.upper()}_SECRET_ID is {p}'s webhook secret",
                   f"sms-over-xmpp/{p}/webhook" in env.get(f"{p.upper()}_SECRET_ID", ""))
        for output, route in expected["outputs"].items():
            check.equal(f"stack output {output}", outputs.get(output), base + route)
        for kind in ["webhook", "api"]:
            fill = f"Fill{title}{kind.capitalize()}Secret"
            check.true(f"stack output {fill} puts sms-over-xmpp/{p}/{kind}",
                       f"--secret-id sms-over-xmpp/{p}/{kind} " in outputs.get(fill, ""))

    sqs = client(endpoint, "sqs")
    # The events queue's redrive is a backstop behind the bridge's own give-up by age (FifoQueue.EVENTS).
    for url_key, visibility, retention, receives, dlq_name in [
            ("QueueUrl", "30", "345600", "20", "sms-over-xmpp-events-dlq.fifo"),
            ("OutboxQueueUrl", "60", "86400", "5", "sms-over-xmpp-outbox-dlq.fifo")]:
        attributes = sqs.get_queue_attributes(QueueUrl=outputs[url_key], AttributeNames=["All"])["Attributes"]
        check.equal(f"{url_key} FifoQueue", attributes.get("FifoQueue"), "true")
        check.equal(f"{url_key} VisibilityTimeout", attributes.get("VisibilityTimeout"), visibility)
        check.equal(f"{url_key} MessageRetentionPeriod", attributes.get("MessageRetentionPeriod"), retention)
        redrive = json.loads(attributes.get("RedrivePolicy", "{}"))
        check.equal(f"{url_key} maxReceiveCount", str(redrive.get("maxReceiveCount")), receives)
        check.true(f"{url_key} dead-letter queue {dlq_name}", redrive.get("deadLetterTargetArn", "").endswith(":" + dlq_name))

    table = client(endpoint, "dynamodb").describe_table(TableName=outputs["MappingsTableName"])["Table"]
    check.equal("mappings index", [i["IndexName"] for i in table.get("GlobalSecondaryIndexes", [])], ["byNumber"])

    ecs = client(endpoint, "ecs")
    services = ecs.describe_services(cluster="sms-over-xmpp", services=["bridge"])["services"]
    check.equal("ECS service bridge in cluster sms-over-xmpp", [s["serviceName"] for s in services], ["bridge"])
    task = ecs.describe_task_definition(taskDefinition=services[0]["taskDefinition"])["taskDefinition"] if services else {}
    container = (task.get("containerDefinitions") or [{}])[0]
    container_env = {e["name"]: e["value"] for e in container.get("environment", [])}
    check.equal("bridge XMPP_TLS", container_env.get("XMPP_TLS"), "direct")
    check.true("bridge has no XMPP_DIRECT_TLS", "XMPP_DIRECT_TLS" not in container_env)
    check.equal("bridge STOP_TIMEOUT_SECONDS", container_env.get("STOP_TIMEOUT_SECONDS"), "120")
    check.equal("bridge stopTimeout", container.get("stopTimeout"), 120)
    check.equal("bridge OUTBOX_QUEUE_URL", container_env.get("OUTBOX_QUEUE_URL"), outputs.get("OutboxQueueUrl"))
    check.equal("bridge DEAD_LETTER_QUEUE_URL", container_env.get("DEAD_LETTER_QUEUE_URL"),
                outputs.get("DeadLetterQueueUrl"))
    # With one provider the bridge takes it; with several it needs the default named.
    check.equal("bridge SMS_PROVIDER", container_env.get("SMS_PROVIDER"), default_provider if len(ids) > 1 else None)
    secrets = {s["name"]: s["valueFrom"] for s in container.get("secrets", [])}
    check.equal("bridge secrets", sorted(secrets),
                sorted(["COMPONENT_SECRET"] + [name for _, p in providers for name in p["bridge_secrets"]]))
    for p, expected in providers:
        for name, route in expected["urls"].items():
            check.equal(f"bridge {name}", container_env.get(name), base + route)
        for name in expected["bridge_secrets"]:
            check.true(f"bridge {name} from sms-over-xmpp/{p}/api", f":secret:sms-over-xmpp/{p}/api:" in secrets.get(name, ""))
    # moto keeps no executionRoleArn on the task definition: the role is found by the name CloudFormation gave it.
    execution_roles = [r["Arn"] for r in iam.list_roles()["Roles"]
                       if r["RoleName"].startswith(f"{STACK}-BridgeTaskExecutionRole")]
    check.equal("the bridge's execution roles", len(execution_roles), 1)
    bridge_reads = secret_names(role_policies(iam, execution_roles[0])) if execution_roles else set()
    check.equal("secrets ECS may read for the bridge", sorted(bridge_reads),
                sorted([COMPONENT_SECRET] + [f"sms-over-xmpp/{p}/api" for p in ids]))
    check.true("bridge MEDIA_BUCKET exists", container_env.get("MEDIA_BUCKET") in
               [b["Name"] for b in client(endpoint, "s3").list_buckets()["Buckets"]])

    builds = [line for line in open(docker_log) if line.startswith("docker build ")]
    check.equal("image builds", len(builds), 1)
    check.true(f"image built for {platform}", builds and f"--platform {platform}" in builds[0])

    unmodelled = set(re.findall(r"No Moto CloudFormation support for (\S+)", open(moto_log).read()))
    check.equal("types moto skipped that the rehearsal does not know of", sorted(unmodelled - KNOWN_UNMODELLED), [])

    if check.failures:
        print("rehearsal: " + str(len(check.failures)) + " check(s) failed:\n  - " + "\n  - ".join(check.failures),
              file=sys.stderr)
        sys.exit(1)
    print(f"rehearsal: {check.passed} checks passed for {', '.join(ids)}; "
          f"moto skipped (no model): {', '.join(sorted(unmodelled))}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"] and len(sys.argv) == 4:
        prepare(*sys.argv[2:])
    elif sys.argv[1:2] == ["verify"] and len(sys.argv) in (8, 9):
        verify(*sys.argv[2:])
    else:
        sys.exit(__doc__)
