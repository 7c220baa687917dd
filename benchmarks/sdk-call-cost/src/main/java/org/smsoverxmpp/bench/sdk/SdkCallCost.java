package org.smsoverxmpp.bench.sdk;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * java org.smsoverxmpp.bench.sdk.SdkCallCost VARIANT MODE SQS_URL DDB_URL WARMUP_S MEASURE_S
 * VARIANT = apache5|urlconn|crt|jdk [+opt,opt...]   opts: creds,notimeout,nomd5,endpoint,reaper
 * MODE = paced (50 calls/s over 3 threads) | tight (1 thread, no sleep)
 */
public final class SdkCallCost {
    static final String[] OPS = {"send", "recv1", "delBatch", "recv0", "ddbGet"};
    static final ThreadMXBean TMX = ManagementFactory.getThreadMXBean();
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    interface Ops extends AutoCloseable {
        void send(String q);
        List<String> receive(String q); // receipt handles
        void deleteBatch(String q, List<String> handles);
        void get();
        String queueUrl(String name);
    }

    static volatile boolean measuring, stop, paused, tightPhase;
    static final AtomicLong calls = new AtomicLong();

    public static void main(String[] a) throws Exception {
        String variant = a[0], mode = a[1];
        URI sqsUri = URI.create(a[2]), ddbUri = URI.create(a[3]);
        // WARMUP = "T+P": T seconds of tight-loop warm-up (JIT), then P seconds paced; or just "P"
        int warmTight = a[4].contains("+") ? Integer.parseInt(a[4].split("\\+")[0]) : 0;
        int warm = Integer.parseInt(a[4].contains("+") ? a[4].split("\\+")[1] : a[4]), meas = Integer.parseInt(a[5]);
        String http = variant.split("\\+")[0];
        Set<String> opts = new HashSet<>(variant.contains("+") ? Arrays.asList(variant.split("\\+")[1].split(",")) : List.of());
        Ops ops = http.equals("jdk") ? new JdkOps(sqsUri, ddbUri) : new SdkOps(http, opts, sqsUri, ddbUri);
        int threads = mode.equals("tight") ? 1 : 3;
        double rate = 50.0;
        long[][] opCpu = new long[threads][OPS.length];
        long[][] opN = new long[threads][OPS.length];
        List<Thread> ts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            final int id = i;
            String q = ops.queueUrl("cpu-q" + i);
            Thread t = new Thread(() -> {
                long periodNs = (long) (threads * 1e9 / rate);
                long next = t0 + id * periodNs / threads;
                int k = 0;
                List<String> handles = List.of();
                while (!stop) {
                    if (tightPhase) next = System.nanoTime();
                    else if (!mode.equals("tight")) {
                        long now = System.nanoTime();
                        if (next > now) sleepNs(next - now);
                        next += periodNs;
                        if (System.nanoTime() - next > 1_000_000_000L) next = System.nanoTime(); // no catch-up bursts
                    }
                    if (paused) { sleepNs(10_000_000); continue; }
                    int op = k++ % OPS.length;
                    boolean m = measuring;
                    long c0 = m ? TMX.getCurrentThreadCpuTime() : 0;
                    switch (op) {
                        case 0 -> ops.send(q);
                        case 1 -> handles = ops.receive(q);
                        case 2 -> { if (!handles.isEmpty()) ops.deleteBatch(q, handles); }
                        case 3 -> ops.receive(q);
                        case 4 -> ops.get();
                    }
                    if (m) { opCpu[id][op] += TMX.getCurrentThreadCpuTime() - c0; opN[id][op]++; calls.incrementAndGet(); }
                }
            }, "worker-" + i);
            t.setDaemon(true);
            ts.add(t);
        }
        tightPhase = warmTight > 0;
        ts.forEach(Thread::start);
        Thread.sleep(warmTight * 1000L);
        tightPhase = false;
        Thread.sleep(warm * 1000L);
        long gc0 = gcMs();
        long[] st0 = stat();
        long cpu0 = OS.getProcessCpuTime(), w0 = System.nanoTime();
        measuring = true;
        Thread.sleep(meas * 1000L);
        measuring = false;
        long cpu1 = OS.getProcessCpuTime(), w1 = System.nanoTime();
        long[] st1 = stat();
        long gc1 = gcMs();
        long n = calls.get();
        // idle background CPU with the clients open but no calls
        paused = true;
        Thread.sleep(1000);
        long i0 = OS.getProcessCpuTime(), iw0 = System.nanoTime();
        Thread.sleep(5000);
        long i1 = OS.getProcessCpuTime(), iw1 = System.nanoTime();
        stop = true;
        double idleUsPerS = (i1 - i0) / 1e3 / ((iw1 - iw0) / 1e9);
        double secs = (w1 - w0) / 1e9;
        StringBuilder per = new StringBuilder();
        for (int op = 0; op < OPS.length; op++) {
            long c = 0, k = 0;
            for (int t = 0; t < threads; t++) { c += opCpu[t][op]; k += opN[t][op]; }
            per.append(String.format(" %s=%.0f", OPS[op], k == 0 ? 0.0 : c / 1e3 / k));
        }
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.printf("RESULT variant=%s mode=%s c2=%s calls=%d rate=%.1f cpuUsPerCall=%.1f cpuUsPerCallMinusIdle=%.1f idleUsPerS=%.0f userUs=%.0f sysUs=%.0f gcMs=%d rssKB=%s hwmKB=%s threadUs:%s%n",
                variant, mode, !ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1"),
                n, n / secs, (cpu1 - cpu0) / 1e3 / n, ((cpu1 - cpu0) / 1e3 - idleUsPerS * secs) / n, idleUsPerS, (st1[0] - st0[0]) * 1e4 / n, (st1[1] - st0[1]) * 1e4 / n, gc1 - gc0,
                field(status, "VmRSS"), field(status, "VmHWM"), per);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** utime, stime in clock ticks (100/s). */
    static long[] stat() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException e) { throw new RuntimeException(e); }
    }

    static String field(String status, String f) {
        Matcher m = Pattern.compile(f + ":\\s+(\\d+)").matcher(status);
        return m.find() ? m.group(1) : "?";
    }

    static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> g.getCollectionTime()).sum();
    }

    static void sleepNs(long ns) {
        try { Thread.sleep(ns / 1_000_000, (int) (ns % 1_000_000)); } catch (InterruptedException e) { throw new RuntimeException(e); }
    }

    static final class SdkOps implements Ops {
        final SqsClient sqs;
        final DynamoDbClient ddb;
        final Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("k1"));

        SdkOps(String http, Set<String> opts, URI sqsUri, URI ddbUri) {
            var sb = SqsClient.builder();
            var db = DynamoDbClient.builder();
            common(sb, http, opts, sqsUri);
            common(db, http, opts, ddbUri);
            if (!opts.contains("notimeout"))
                sb.overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(25)).apiCallTimeout(Duration.ofSeconds(75)));
            if (opts.contains("nomd5")) sb.checksumValidationEnabled(false);
            if (opts.contains("endpoint")) {
                Endpoint se = Endpoint.builder().url(sqsUri).build();
                Endpoint de = Endpoint.builder().url(ddbUri).build();
                sb.endpointProvider(p -> CompletableFuture.completedFuture(se));
                db.endpointProvider(p -> CompletableFuture.completedFuture(de));
            }
            sqs = sb.build();
            ddb = db.build();
            try { ddb.createTable(r -> r.tableName("cpu").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(d -> d.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException e) { }
            ddb.putItem(r -> r.tableName("cpu").item(Map.of("pk", AttributeValue.fromS("k1"), "to", AttributeValue.fromS("user@example.org"))));
        }

        static void common(AwsClientBuilder<?, ?> b, String http, Set<String> opts, URI uri) {
            b.region(Region.US_EAST_1).endpointOverride(uri);
            if (opts.contains("creds"))
                b.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
            SdkHttpClient c = switch (http) {
                case "apache5" -> opts.contains("reaper") ? Apache5HttpClient.builder().useIdleConnectionReaper(false).build() : null;
                case "urlconn" -> UrlConnectionHttpClient.create();
                case "crt" -> AwsCrtHttpClient.create();
                default -> throw new IllegalArgumentException(http);
            };
            if (c != null) ((software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?>) b).httpClient(c);
        }

        public String queueUrl(String name) { return sqs.createQueue(r -> r.queueName(name)).queueUrl(); }
        public void send(String q) { sqs.sendMessage(r -> r.queueUrl(q).messageBody("{\"from\":\"+15550001111\",\"body\":\"hello there\"}")); }
        public List<String> receive(String q) {
            return sqs.receiveMessage(r -> r.queueUrl(q).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages().stream().map(Message::receiptHandle).toList();
        }
        public void deleteBatch(String q, List<String> h) {
            List<DeleteMessageBatchRequestEntry> e = new ArrayList<>();
            for (int i = 0; i < h.size(); i++) e.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(h.get(i)).build());
            sqs.deleteMessageBatch(r -> r.queueUrl(q).entries(e));
        }
        public void get() { ddb.getItem(r -> r.tableName("cpu").key(key)); }
        public void close() { sqs.close(); ddb.close(); }
    }

    /** Unsigned JSON-protocol POSTs with java.net.http: the floor of an HTTP round trip. */
    static final class JdkOps implements Ops {
        final HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final URI sqs, ddb;
        static final Pattern RH = Pattern.compile("\"ReceiptHandle\"\\s*:\\s*\"([^\"]+)\"");

        JdkOps(URI sqs, URI ddb) {
            this.sqs = sqs; this.ddb = ddb;
            try { post(ddb, "application/x-amz-json-1.0", "DynamoDB_20120810.CreateTable",
                    "{\"TableName\":\"cpu\",\"BillingMode\":\"PAY_PER_REQUEST\",\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}"); } catch (RuntimeException e) { }
        }

        String post(URI u, String ct, String target, String body) {
            try {
                HttpRequest r = HttpRequest.newBuilder(u).header("Content-Type", ct).header("X-Amz-Target", target)
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/" + (u == ddb ? "dynamodb" : "sqs") + "/aws4_request, SignedHeaders=host, Signature=00")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> resp = c.send(r, HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() != 200) throw new IllegalStateException(resp.statusCode() + " " + resp.body());
                return resp.body();
            } catch (Exception e) { throw new RuntimeException(e); }
        }

        String sqsCall(String op, String body) { return post(sqs, "application/x-amz-json-1.0", "AmazonSQS." + op, body); }
        public String queueUrl(String name) {
            String b = sqsCall("CreateQueue", "{\"QueueName\":\"" + name + "\"}");
            Matcher m = Pattern.compile("\"QueueUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(b);
            m.find();
            return m.group(1);
        }
        public void send(String q) { sqsCall("SendMessage", "{\"QueueUrl\":\"" + q + "\",\"MessageBody\":\"{\\\"from\\\":\\\"+15550001111\\\",\\\"body\\\":\\\"hello there\\\"}\"}"); }
        public List<String> receive(String q) {
            String b = sqsCall("ReceiveMessage", "{\"QueueUrl\":\"" + q + "\",\"MaxNumberOfMessages\":10,\"WaitTimeSeconds\":0}");
            List<String> out = new ArrayList<>();
            Matcher m = RH.matcher(b);
            while (m.find()) out.add(m.group(1));
            return out;
        }
        public void deleteBatch(String q, List<String> h) {
            StringBuilder sb = new StringBuilder("{\"QueueUrl\":\"" + q + "\",\"Entries\":[");
            for (int i = 0; i < h.size(); i++) sb.append(i > 0 ? "," : "").append("{\"Id\":\"m").append(i).append("\",\"ReceiptHandle\":\"").append(h.get(i)).append("\"}");
            sqsCall("DeleteMessageBatch", sb.append("]}").toString());
        }
        public void get() { post(ddb, "application/x-amz-json-1.0", "DynamoDB_20120810.GetItem", "{\"TableName\":\"cpu\",\"Key\":{\"pk\":{\"S\":\"k1\"}}}"); }
        public void close() {}
    }
}
