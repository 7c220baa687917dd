package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.time.Clock;
import java.time.Duration;
import org.smsoverxmpp.bridge.admin.AdminCli;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.status.BridgeActivity;
import org.smsoverxmpp.bridge.status.StatePublisher;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import org.smsoverxmpp.e2e.harness.EmulatedAws;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** The operator's CLI against the AWS emulator. */
class AdminCliTest {
    static EmulatedAws emulated;
    static MotoServer moto;
    static LocalAws aws;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    static void start() {
        emulated = EmulatedAws.start();
        moto = emulated.moto;
        aws = emulated.aws;
    }

    @AfterAll
    static void stop() {
        emulated.close();
    }

    static Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", moto.endpoint().toString(), "--region", LocalAws.REGION,
                "--table", aws.table, "--queue-url", aws.queueUrl, "--outbox-url", aws.outboxUrl,
                "--sent-table", aws.sentTable));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AdminCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void mappingLifecycleNormalisesTheNumber() {
        Result put = cli("mappings", "put", "alice@example.com", "(307) 555-1212");
        assertThat(put.status()).as(put.err()).isZero();
        assertThat(put.out()).contains("alice@example.com -> +13075551212");

        assertThat(cli("mappings", "get", "alice@example.com").out()).contains("+13075551212");
        assertThat(cli("mappings", "list").out()).contains("alice@example.com -> +13075551212");
        assertThat(cli("mappings", "list", "--number", "+1 307 555 1212").out()).contains("alice@example.com");

        assertThat(cli("mappings", "delete", "alice@example.com").status()).isZero();
        Result gone = cli("mappings", "get", "alice@example.com");
        assertThat(gone.status()).isEqualTo(1);
        assertThat(gone.err()).contains("alice@example.com has no mapping");
    }

    @Test
    void mappingAJidTwiceIsRefusedUnlessToldToReplace() {
        assertThat(cli("mappings", "put", "bob@example.com", "+15550001111").status()).isZero();

        Result again = cli("mappings", "put", "bob@example.com", "+15550002222");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already mapped to +15550001111", "--replace");

        assertThat(cli("mappings", "put", "bob@example.com", "+15550002222", "--replace").status()).isZero();
        assertThat(cli("mappings", "get", "bob@example.com").out()).contains("+15550002222");
    }

    @Test
    void badInputGetsAClearErrorAndNonZeroExit() {
        Result resource = cli("mappings", "put", "carol@example.com/phone", "+15550003333");
        assertThat(resource.status()).isEqualTo(1);
        assertThat(resource.err()).contains("not a bare JID");

        Result number = cli("mappings", "put", "carol@example.com", "call me");
        assertThat(number.status()).isEqualTo(1);
        assertThat(number.err()).contains("not a phone number");

        Result missing = cli("mappings", "put", "carol@example.com");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("NUMBER");

        assertThat(cli("mappings", "delete", "nobody@example.com").status()).isEqualTo(1);
    }

    @Test
    void listShowsHandWrittenItemsAsStoredAndSaysWhatIsWrong() {
        handWritten("Gus@EXAMPLE.com", "+15550006001");
        handWritten("gus2@example.com", "555 6002");

        Result list = cli("mappings", "list");

        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("MALFORMED 'Gus@EXAMPLE.com' -> '+15550006001'", "canonical")
                .contains("MALFORMED 'gus2@example.com' -> '555 6002'", "E.164");
        assertThat(cli("mappings", "list", "--number", "+15550006001").out()).contains("MALFORMED 'Gus@EXAMPLE.com'");
    }

    @Test
    void repairRewritesAnItemInCanonicalFormUnderItsCanonicalKey() {
        handWritten("Hal@Example.COM/phone", "(307) 555-6003");

        Result repair = cli("mappings", "repair", "Hal@Example.COM/phone");

        assertThat(repair.status()).as(repair.err()).isZero();
        assertThat(repair.out()).contains("hal@example.com -> +13075556003");
        assertThat(cli("mappings", "get", "hal@example.com").out()).contains("hal@example.com -> +13075556003");
        assertThat(cli("mappings", "list").out()).doesNotContain("Hal@Example.COM");
    }

    @Test
    void repairIsRefusedWhenTheCanonicalKeyAlreadyHasAMapping() {
        assertThat(cli("mappings", "put", "ida@example.com", "+15550006004").status()).isZero();
        handWritten("Ida@EXAMPLE.com", "+15550006005");

        Result repair = cli("mappings", "repair", "Ida@EXAMPLE.com");

        assertThat(repair.status()).isEqualTo(1);
        assertThat(repair.err()).contains("collides with ida@example.com -> +15550006004", "mappings delete");
        assertThat(cli("mappings", "get", "ida@example.com").out()).contains("+15550006004");
        assertThat(cli("mappings", "list").out()).contains("MALFORMED 'Ida@EXAMPLE.com'");
    }

    @Test
    void deleteRemovesAMalformedItemByItsKeyAsStored() {
        handWritten("jo@example.com/phone", "+15550006006");

        Result delete = cli("mappings", "delete", "jo@example.com/phone");

        assertThat(delete.status()).as(delete.err()).isZero();
        assertThat(cli("mappings", "list").out()).doesNotContain("jo@example.com");
    }

    static void handWritten(String key, String number) {
        aws.dynamo.putItem(r -> r.tableName(aws.table).item(java.util.Map.of(
                "jid", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(key),
                "number", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(number))));
    }

    @Test
    void statusReportsTasksQueuesAndMappings() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (EcsClient ecs = EcsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(LocalAws.REGION))
                .credentialsProvider(credentials).build()) {
            ecs.createCluster(r -> r.clusterName("sms"));
            ecs.registerTaskDefinition(r -> r.family("bridge").containerDefinitions(
                    ContainerDefinition.builder().name("bridge").image("bridge:latest").memory(512).build()));
            ecs.createService(r -> r.cluster("sms").serviceName("bridge").taskDefinition("bridge").desiredCount(1));
        }
        cli("mappings", "put", "dave@example.com", "+15550004444");
        aws.sqs.sendMessage(r -> r.queueUrl(aws.deadLetterUrl).messageBody("{}").messageGroupId("g")
                .messageDeduplicationId("status-1"));

        Result status = cli("status", "--cluster", "sms", "--service", "bridge");

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("bridge: 1 desired").containsPattern("mappings +[1-9]")
                .containsPattern("dead letters +1").contains("queue ");
        aws.sqs.purgeQueue(r -> r.queueUrl(aws.deadLetterUrl));
    }

    @Test
    void statusWithoutAnEcsServiceSaysSoAndStillReportsTheRest() {
        Result status = cli("status", "--cluster", "nope");

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("bridge service .*nope").contains("queue ", "mappings ");
    }

    @Test
    void statusShowsWhatTheBridgePublishedAboutItself() {
        BridgeActivity activity = new BridgeActivity(Clock.systemUTC(), Duration.ofMinutes(5), "bridge-host, pid 7");
        activity.connected();
        activity.inboundDelivered();
        activity.outboundRefused("item-not-found");
        new StatePublisher(aws.dynamo, aws.sentTable, Duration.ofMinutes(1)).publish(activity.snapshot());

        Result status = cli("status", "--cluster", "nope");

        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("bridge +connected since ").contains("bridge-host, pid 7")
                .containsPattern("health +healthy: connected since")
                .contains("in: 1 delivered, 0 retried, 0 rejected   out: 0 sent, 1 refused")
                .containsPattern("events queue +0 waiting, 0 in flight, oldest ").containsPattern("outbox +0 waiting");
    }

    @Test
    void statusAndDlqListSayWhyEachDeadLetterIsThereAndLeaveItThere() {
        deadLetter("why-1", "no user is mapped to …8888");
        deadLetter("why-2", "no user is mapped to …8888");
        aws.sqs.sendMessage(r -> r.queueUrl(aws.deadLetterUrl).messageBody("{}").messageGroupId("g-why-3")
                .messageDeduplicationId("why-3"));
        try {
            Result status = cli("status", "--cluster", "nope");
            assertThat(status.out()).containsPattern("dead letters +3").contains("2 × no user is mapped to …8888",
                    "1 × (no reason recorded");

            Result list = cli("dlq", "list");
            assertThat(list.status()).as(list.err()).isZero();
            assertThat(list.out()).contains("3 dead-lettered message(s)", "conversation g-why-1",
                    "no user is mapped to …8888 (rejected ");
            assertThat(aws.approximateDepth(aws.deadLetterUrl)).isEqualTo(3);
        } finally {
            aws.sqs.purgeQueue(r -> r.queueUrl(aws.deadLetterUrl));
        }
    }

    @Test
    void dlqDropDeletesExactlyTheMessageNamed() {
        deadLetter("drop-1", "the event cannot be read");
        deadLetter("drop-2", "no user is mapped to …1234");
        try {
            String listed = cli("dlq", "list").out();
            String id = listed.lines().filter(l -> l.contains("conversation g-drop-1")).findFirst().orElseThrow()
                    .split(" ")[0];

            Result drop = cli("dlq", "drop", id);

            assertThat(drop.status()).as(drop.err()).isZero();
            assertThat(drop.out()).contains("dropped " + id);
            assertThat(cli("dlq", "list").out()).doesNotContain("g-drop-1").contains("g-drop-2");
            assertThat(cli("dlq", "drop", id).status()).isEqualTo(1);
        } finally {
            aws.sqs.purgeQueue(r -> r.queueUrl(aws.deadLetterUrl));
        }
    }

    static void deadLetter(String id, String reason) {
        aws.sqs.sendMessage(r -> r.queueUrl(aws.deadLetterUrl).messageBody("{}").messageGroupId("g-" + id)
                .messageDeduplicationId(id).messageAttributes(java.util.Map.of(
                        QueuePoller.REJECT_REASON, text(reason), QueuePoller.REJECTED_AT, text("2026-01-05T10:00:00Z"))));
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Test
    void replayMovesDeadLettersBackAndCountsThem() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            aws.sqs.sendMessage(r -> r.queueUrl(aws.deadLetterUrl).messageBody("{\"n\":" + n + "}")
                    .messageGroupId("+15550001111|+15557654321").messageDeduplicationId("dead-" + n));
        }

        Result replay = cli("dlq", "replay");

        assertThat(replay.status()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("moved 3 event(s)");
        assertThat(aws.approximateDepth(aws.deadLetterUrl)).isZero();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5 && bodies.size() < 3; i++) {
            aws.sqs.receiveMessage(r -> r.queueUrl(aws.queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().forEach(m -> bodies.add(m.body()));
        }
        assertThat(bodies).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"mappings", "--help"}, {"mappings", "put", "--help"},
                {"mappings", "repair", "--help"}, {"status", "--help"}, {"dlq", "list", "--help"},
                {"dlq", "drop", "--help"}, {"dlq", "replay", "--help"}}) {
            StringWriter out = new StringWriter();
            assertThat(AdminCli.run(command, new PrintWriter(out), new PrintWriter(new StringWriter()))).isZero();
            assertThat(out.toString()).contains("Usage:");
        }
    }

}
