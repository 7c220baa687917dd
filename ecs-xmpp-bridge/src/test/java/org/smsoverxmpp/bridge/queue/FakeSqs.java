package org.smsoverxmpp.bridge.queue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** SQS for unit tests: scripted receives; every delete, visibility change and send recorded. */
public final class FakeSqs implements SqsClient {
    public final Deque<List<Message>> batches = new ArrayDeque<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    /** How many entries each DeleteMessageBatch call held. */
    public final List<Integer> deleteCalls = new CopyOnWriteArrayList<>();
    /** This many delete calls fail, as when SQS cannot be reached. */
    public final java.util.concurrent.atomic.AtomicInteger failDeleteCalls = new java.util.concurrent.atomic.AtomicInteger();
    /** A delete call whose first entry is this receipt handle waits for {@link #slowDeleteGate}. */
    public volatile String slowDelete = "";
    public final java.util.concurrent.CountDownLatch slowDeleteGate = new java.util.concurrent.CountDownLatch(1);
    /** The last visibility each receipt handle was given, in seconds. */
    public final Map<String, Integer> visibility = new ConcurrentHashMap<>();
    public final List<Integer> visibilityChanges = new CopyOnWriteArrayList<>();
    public final List<SendMessageRequest> sent = new CopyOnWriteArrayList<>();
    public volatile int visibilityTimeout = 30;

    /** A message of conversation {@code group}, received for the {@code receiveCount}th time. */
    public static Message message(String id, String body, String group, int receiveCount, long firstReceiveMillis) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body(body)
                .attributes(Map.of(MessageSystemAttributeName.MESSAGE_GROUP_ID, group,
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(receiveCount),
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, Long.toString(firstReceiveMillis)))
                .build();
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        List<Message> next = batches.poll();
        return ReceiveMessageResponse.builder().messages(next == null ? List.of() : next).build();
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        if (request.entries().get(0).receiptHandle().equals(slowDelete)) {
            try {
                slowDeleteGate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failDeleteCalls.getAndDecrement() > 0) {
            throw software.amazon.awssdk.core.exception.SdkClientException.create("SQS unreachable");
        }
        deleteCalls.add(request.entries().size());
        request.entries().forEach(e -> deleted.add(e.receiptHandle()));
        return DeleteMessageBatchResponse.builder().build();
    }

    @Override
    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest request) {
        request.entries().forEach(e -> {
            visibility.put(e.receiptHandle(), e.visibilityTimeout());
            visibilityChanges.add(e.visibilityTimeout());
        });
        return ChangeMessageVisibilityBatchResponse.builder().build();
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        sent.add(request);
        return SendMessageResponse.builder().messageId("dlq-" + sent.size()).build();
    }

    /** Entries SendMessageBatch stored; while {@link #refuseSends} is set, every entry fails. */
    public final List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> batchSent = new CopyOnWriteArrayList<>();
    public final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    public volatile boolean refuseSends;

    @Override
    public software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse sendMessageBatch(
            software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest request) {
        var response = software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse.builder();
        if (refuseSends) {
            return response.failed(request.entries().stream().map(e -> software.amazon.awssdk.services.sqs.model
                    .BatchResultErrorEntry.builder().id(e.id()).code("ServiceUnavailable").message("try later")
                    .senderFault(false).build()).toList()).build();
        }
        batchSizes.add(request.entries().size());
        batchSent.addAll(request.entries());
        return response.successful(request.entries().stream().map(e -> software.amazon.awssdk.services.sqs.model
                .SendMessageBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id()).build()).toList()).build();
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        return GetQueueAttributesResponse.builder()
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeout))).build();
    }

    @Override
    public String serviceName() {
        return "sqs";
    }

    @Override
    public void close() {
    }
}
