"""bin/rehearse-deploy's side of the emulator: what it creates before the deploy, and what it checks after.

  emulator.py prepare ENDPOINT
      creates the secrets the stack refers to in a rehearsal (moto's CloudFormation cannot create them)
  emulator.py verify ENDPOINT OUTPUTS_JSON DOCKER_LOG MOTO_LOG PLATFORM
      checks that the deployed resources are wired as the stack says, and that moto skipped only the
      resource types it is known not to model (docs/configuration.md, "Deploy rehearsal")

Uses boto3, which moto itself depends on. Exits 1 naming every failed check.
"""
import json
import re
import sys

import boto3

REGION = "us-east-1"
STACK = "SmsOverXmpp"
SECRETS = ["sms-over-xmpp/twilio/webhook", "sms-over-xmpp/twilio/api", "sms-over-xmpp/component"]

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


def prepare(endpoint):
    secrets = client(endpoint, "secretsmanager")
    for name in SECRETS:
        secrets.create_secret(Name=name, SecretString='{"placeholder":"rehearsal"}')


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


def verify(endpoint, outputs_file, docker_log, moto_log, platform):
    check = Checks()
    outputs = json.load(open(outputs_file))[STACK]
    for key in ["SmsWebhookUrl", "StatusWebhookUrl", "QueueUrl", "DeadLetterQueueUrl", "OutboxQueueUrl",
                "MappingsTableName", "FillTwilioWebhookSecret", "FillTwilioApiSecret", "ShowComponentSecret"]:
        check.true(f"stack output {key}", outputs.get(key))

    apis = [a for a in client(endpoint, "apigateway").get_rest_apis()["items"] if a["name"] == "sms-over-xmpp-webhook"]
    check.equal("REST APIs named sms-over-xmpp-webhook", len(apis), 1)
    api_id = apis[0]["id"] if apis else "?"
    base = f"https://{api_id}.execute-api.{REGION}.amazonaws.com/prod"
    resources = client(endpoint, "apigateway").get_resources(restApiId=api_id)["items"] if apis else []
    routes = {r["path"]: sorted(r.get("resourceMethods", {})) for r in resources}
    check.equal("API route /sms", routes.get("/sms"), ["POST"])
    check.equal("API route /status", routes.get("/status"), ["POST"])
    check.equal("SmsWebhookUrl", outputs.get("SmsWebhookUrl"), base + "/sms")

    functions = client(endpoint, "lambda").list_functions()["Functions"]
    check.equal("Lambda functions", len(functions), 1)
    env = functions[0].get("Environment", {}).get("Variables", {}) if functions else {}
    check.equal("webhook PUBLIC_BASE_URL (the API's own stage URL)", env.get("PUBLIC_BASE_URL"), base)
    check.equal("webhook QUEUE_URL", env.get("QUEUE_URL"), outputs.get("QueueUrl"))
    check.true("webhook TWILIO_SECRET_ID is the webhook's secret", SECRETS[0] in env.get("TWILIO_SECRET_ID", ""))
    check.true("webhook has no JAVA_TOOL_OPTIONS", "JAVA_TOOL_OPTIONS" not in env)

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
    check.equal("bridge TWILIO_STATUS_CALLBACK_URL", container_env.get("TWILIO_STATUS_CALLBACK_URL"), base + "/status")
    check.equal("bridge secrets", sorted(s["name"] for s in container.get("secrets", [])),
                ["COMPONENT_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_API_KEY_SECRET", "TWILIO_API_KEY_SID"])
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
    print(f"rehearsal: {check.passed} checks passed; moto skipped (no model): {', '.join(sorted(unmodelled))}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"] and len(sys.argv) == 3:
        prepare(sys.argv[2])
    elif sys.argv[1:2] == ["verify"] and len(sys.argv) == 7:
        verify(*sys.argv[2:])
    else:
        sys.exit(__doc__)
