package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** What Lambda hands the handler with each invocation; only the request id matters here. */
record InvocationContext(String getAwsRequestId) implements Context {

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/webhook";
    }

    @Override
    public String getLogStreamName() {
        return "2026/12/01/[1]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return "webhook";
    }

    @Override
    public String getFunctionVersion() {
        return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:webhook:live";
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
        throw new UnsupportedOperationException("the webhook logs through SLF4J");
    }
}
