package org.smsoverxmpp.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import org.smsoverxmpp.webhook.WebhookHandler;

/**
 * Run in a fresh JVM by {@link ColdStart}: builds a handler as Lambda would (clients, secret read from the
 * emulator), answers one signed request (enqueued in the emulator), prints the status and exits.
 * {@code hello} does the same with a handler that does nothing: the floor.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    /** The floor: a handler that returns at once. */
    public static final class Hello implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event,
                com.amazonaws.services.lambda.runtime.Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("hello");
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        boolean hello = args.length > 0 && args[0].equals("hello");
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
                hello ? new Hello() : new WebhookHandler();
        String account = System.getenv().getOrDefault("BENCH_ACCOUNT_SID", StaticSecrets.ACCOUNT);
        String token = System.getenv().getOrDefault("BENCH_AUTH_TOKEN", StaticSecrets.TOKEN);
        APIGatewayProxyRequestEvent event = SignedWebhooks.sms(account, token,
                String.format("SM%032x", System.nanoTime()), "cold start");
        int status = handler.handleRequest(event, null).getStatusCode();
        System.out.println("status " + status);
        // What Lambda reports as "Max Memory Used" is the process's peak resident set.
        System.out.println("peak-rss-mb " + ProcessTimer.statusMb(java.nio.file.Path.of("/proc/self/status"), "VmHWM"));
        System.exit(status == 200 ? 0 : 1);
    }
}
