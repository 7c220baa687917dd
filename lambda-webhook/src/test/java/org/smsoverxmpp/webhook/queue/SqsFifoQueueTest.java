package org.smsoverxmpp.webhook.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class SqsFifoQueueTest {

    @Test
    void serviceErrorIsDescribedByItsStatusAndCodeNotItsMessage() {
        AwsServiceException refused = AwsServiceException.builder().statusCode(400).requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameterValue")
                        .errorMessage("Value +15550001111|+15557654321 for parameter MessageGroupId is invalid").build())
                .build();

        assertThat(SqsFifoQueue.describe(refused)).isEqualTo("HTTP 400 InvalidParameterValue (request req-1)");
    }

    @Test
    void clientSideFailureIsDescribedByItsMessage() {
        ApiCallTimeoutException timeout = ApiCallTimeoutException.create(3000);

        assertThat(SqsFifoQueue.describe(timeout)).startsWith("ApiCallTimeoutException: ").contains("3000");
    }
}
