package org.smsoverxmpp.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * Outbound-message tracking: MessageSid → who sent it, for receipts and failure notices from status callbacks.
 * Records (including the message text kept for error copies) expire through the {@code expiresAt} TTL.
 */
public final class SentMessagesTable extends Construct {
    public static final String NAME = "sms-over-xmpp-sent";

    private final Table table;

    public SentMessagesTable(Construct scope, String id) {
        super(scope, id);
        table = Table.Builder.create(this, "Resource")
                .tableName(NAME)
                .partitionKey(Attribute.builder().name("sid").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .timeToLiveAttribute("expiresAt")
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                // Records live a week; losing them costs receipts, not messages.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    public Table table() {
        return table;
    }
}
