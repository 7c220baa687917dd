package org.smsoverxmpp.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * Who is who: key {@code jid} (bare JID) → {@code number} (E.164), and the index by number.
 *
 * <p>Kept when the stack is deleted or would replace it, but deleted when the stack's first create fails, so
 * the next {@code cdk deploy} does not meet a table of the same name ({@code DeletionPolicy:
 * RetainExceptOnCreate}). DynamoDB's own deletion protection is off on purpose: it would make that rollback's
 * delete fail and leave the table behind. Point-in-time recovery covers a table deleted by hand (DynamoDB
 * keeps a backup of a deleted PITR table for 35 days).
 */
public final class MappingsTable extends Construct {
    public static final String NAME = "sms-over-xmpp-mappings";
    public static final String NUMBER_INDEX = "byNumber";

    private final Table table;

    public MappingsTable(Construct scope, String id) {
        super(scope, id);
        table = Table.Builder.create(this, "Resource")
                .tableName(NAME)
                .partitionKey(Attribute.builder().name("jid").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName(NUMBER_INDEX)
                .partitionKey(Attribute.builder().name("number").type(AttributeType.STRING).build()).build());
    }

    public Table table() {
        return table;
    }
}
