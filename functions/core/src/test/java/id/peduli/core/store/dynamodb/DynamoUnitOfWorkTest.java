package id.peduli.core.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.peduli.core.domain.AppealStatus;
import id.peduli.core.domain.Donation;
import id.peduli.core.domain.Payment;
import id.peduli.core.store.IdempotencyConflict;
import id.peduli.core.store.IdempotencyRecord;
import id.peduli.core.store.WriteConflict;
import id.peduli.core.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What {@link DynamoUnitOfWork} sends, on a client that records requests and answers as told: a unit of one write
 * goes alone with its condition (a transaction of one costs twice the write units), more go as one transaction, and
 * a failed condition is reported by the write it belongs to either way.
 */
class DynamoUnitOfWorkTest {
    private final List<AwsRequest> sent = new ArrayList<>();
    private Function<AwsRequest, RuntimeException> answer = r -> null;
    private final DynamoDbClient client = new DynamoDbClient() {
        private void send(AwsRequest request) {
            sent.add(request);
            RuntimeException e = answer.apply(request);
            if (e != null) {
                throw e;
            }
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            send(request);
            return UpdateItemResponse.builder().build();
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest request) {
            send(request);
            return DeleteItemResponse.builder().build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            send(request);
            return PutItemResponse.builder().build();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            send(request);
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    };
    private final Dynamo dynamo = new Dynamo(client, "T");
    private final Donation pledge = Fixtures.pledge("appeal-1", 25_000, "Rina", false, null);

    private DynamoUnitOfWork work() {
        return new DynamoUnitOfWork(dynamo);
    }

    private static IdempotencyRecord record() {
        return new IdempotencyRecord("POST /x", "k", "h", 201, "{}", null, Fixtures.NOW.plus(Duration.ofHours(24)));
    }

    private static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(CancellationReason.builder().code(code).build());
        }
        return TransactionCanceledException.builder().cancellationReasons(reasons).build();
    }

    @Test
    void oneWrite_isSentAlone_withItsCondition() {
        work().claimPaymentCreation(pledge, Fixtures.NOW, Fixtures.NOW.plusSeconds(20)).commit();

        assertThat(sent).singleElement().isInstanceOfSatisfying(UpdateItemRequest.class, u -> {
            assertThat(u.tableName()).isEqualTo("T");
            assertThat(u.key()).isEqualTo(Keys.donation(pledge.orderId()));
            assertThat(u.updateExpression()).isEqualTo("SET #lease = :until");
            assertThat(u.conditionExpression()).contains("#status = :pending", "attribute_not_exists(#url)", "#lease < :now");
            assertThat(u.expressionAttributeValues()).containsKeys(":until", ":now", ":pending");
        });
    }

    @Test
    void oneWriteWhoseConditionFails_isAConflictOnThatWrite() {
        answer = r -> ConditionalCheckFailedException.builder().message("no").build();

        assertThatThrownBy(() -> work().attachPayment(pledge, new Payment("https://pay.example/1", "r")).commit())
                .isInstanceOfSatisfying(WriteConflict.class, e -> {
                    assertThat(e.conditionFailed(WriteConflict.Part.DONATION)).isTrue();
                    assertThat(e.contentionOnly()).isFalse();
                });
    }

    @Test
    void oneWriteHeldByATransaction_isContentionOnly() {
        answer = r -> TransactionConflictException.builder().message("held").build();

        assertThatThrownBy(() -> work().releaseClaim(pledge).commit())
                .isInstanceOfSatisfying(WriteConflict.class, e -> assertThat(e.contentionOnly()).isTrue());
    }

    @Test
    void reconciliationsCursor_isPutAlone_andADoneRunDeletesIt() {
        work().moveReconcileCursor("2026-12-01T00:00:00Z#order-1").commit();
        work().moveReconcileCursor(null).commit();

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOfSatisfying(PutItemRequest.class, p -> {
            assertThat(p.item()).containsAllEntriesOf(Keys.reconcileCursor());
            assertThat(p.item()).containsValue(Dynamo.s("2026-12-01T00:00:00Z#order-1"));
            assertThat(p.conditionExpression()).isNull();
        });
        assertThat(sent.get(1)).isInstanceOfSatisfying(DeleteItemRequest.class,
                d -> assertThat(d.key()).isEqualTo(Keys.reconcileCursor()));
    }

    @Test
    void anAnswerAlone_whoseKeyIsTaken_isAnIdempotencyConflict() {
        answer = r -> ConditionalCheckFailedException.builder().message("taken").build();

        assertThatThrownBy(() -> work().recordAnswer(record()).commit()).isInstanceOf(IdempotencyConflict.class);
        assertThat(sent).singleElement().isInstanceOf(PutItemRequest.class);
    }

    @Test
    void aPledge_isOneTransaction_ofTheCheckTheDonationAndTheReceipt() {
        work().pledge(pledge, "hash").commit();

        assertThat(sent).singleElement().isInstanceOfSatisfying(TransactWriteItemsRequest.class, t -> {
            assertThat(t.transactItems()).hasSize(3);
            assertThat(t.transactItems().get(0).conditionCheck().key()).isEqualTo(Keys.ledgerHead(pledge.appealId()));
            assertThat(t.transactItems().get(0).conditionCheck().expressionAttributeValues().get(":verified").s())
                    .isEqualTo(AppealStatus.VERIFIED.name());
            assertThat(t.transactItems().get(1).put().item()).containsEntry("requestHash",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("hash"));
            assertThat(t.transactItems().get(2).put().item()).containsAllEntriesOf(Keys.receipt(pledge.id()));
        });
    }

    @Test
    void aCancelledTransaction_namesTheWritesWhoseConditionsFailed() {
        answer = r -> cancelled("ConditionalCheckFailed", "None", "None");

        assertThatThrownBy(() -> work().pledge(pledge, null).commit())
                .isInstanceOfSatisfying(WriteConflict.class, e -> {
                    assertThat(e.conditionFailed(WriteConflict.Part.LEDGER_HEAD)).isTrue();
                    assertThat(e.conditionFailed(WriteConflict.Part.DONATION)).isFalse();
                });
    }

    @Test
    void thePaymentAndItsAnswer_areOneTransaction_andATakenKeyIsAnIdempotencyConflict() {
        answer = r -> cancelled("None", "ConditionalCheckFailed");

        assertThatThrownBy(() -> work().attachPayment(pledge, new Payment("https://pay.example/1", "r"))
                .recordAnswer(record()).commit()).isInstanceOf(IdempotencyConflict.class);
        assertThat(sent).singleElement().isInstanceOfSatisfying(TransactWriteItemsRequest.class,
                t -> assertThat(t.transactItems()).hasSize(2));
    }
}
