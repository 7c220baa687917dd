package org.smsoverxmpp.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Row 1, inside a fresh JVM and the function's class loader ({@link LambdaRuntimeStandIn}): builds the handler
 * by name as Lambda does (the webhook's builds its clients and reads the secret from the emulator), answers
 * one signed request (the webhook's is enqueued in the emulator), prints the status and exits. The floor is
 * {@link Hello}, a handler that returns at once, run the same way with the same request.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    /** The floor: a handler that returns at once. */
    public static final class Hello implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event,
                Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("hello");
        }
    }

    /** What Lambda hands every invocation; the webhook logs its request id. */
    static final class InvocationContext implements Context {
        private final String requestId = java.util.UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "bench";
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:bench:live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 15_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return LambdaRuntime.getLogger();
        }
    }

    /** @param args the handler's class name, then the form Twilio posts and its signature, made by the caller */
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler =
                (RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>) Class
                        .forName(args[0], true, Thread.currentThread().getContextClassLoader())
                        .getDeclaredConstructor().newInstance();
        // Signed by the caller: in Lambda the signature arrives with the request, and the floor signs nothing.
        APIGatewayProxyRequestEvent event = SignedWebhooks.event(new SignedWebhooks.SignedForm(args[1], args[2]));
        int status = handler.handleRequest(event, new InvocationContext()).getStatusCode();
        System.out.println("status " + status);
        // What Lambda reports as "Max Memory Used" is the process's peak resident set.
        System.out.println("peak-rss-kb " + peakResidentKb());
        System.exit(status == 200 ? 0 : 1);
    }

    private static long peakResidentKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }
}
