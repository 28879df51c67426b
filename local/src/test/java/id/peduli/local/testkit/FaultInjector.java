package id.peduli.local.testkit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Test-only DynamoDB faults, registered with every SDK client in the test JVM (global interceptor resource), per
 * attempt, so the SDK's retry policy sees them exactly as it would in AWS. CONNECTION stops the request before it
 * leaves: nothing is done. The others replace DynamoDB's answer with one of its error answers (throttling, 500,
 * transaction conflict) after DynamoDB Local has executed the request: for writes that is the harder, ambiguous
 * case of work done but not acknowledged. Off unless a test arms it.
 */
public final class FaultInjector implements ExecutionInterceptor {

    /** What goes wrong. */
    public enum Fault {
        /** The request never reaches DynamoDB: nothing is written. */
        CONNECTION,
        /** The answer becomes 400 ThrottlingException. */
        THROTTLING,
        /** The answer becomes 500 InternalServerError. */
        SERVER_ERROR,
        /** The answer becomes a transaction cancelled for a conflicting one. */
        TRANSACTION_CONFLICT
    }

    private static volatile String operation;
    private static volatile Fault fault;
    private static volatile double rate;
    private static final AtomicInteger INJECTED = new AtomicInteger();

    /** Fails {@code operation} (e.g. "TransactWriteItems", or "*" for all) with {@code fault} at {@code rate} (0..1). */
    public static void arm(String operation, Fault fault, double rate) {
        FaultInjector.operation = operation;
        FaultInjector.fault = fault;
        FaultInjector.rate = rate;
        INJECTED.set(0);
    }

    public static void disarm() {
        fault = null;
        BEFORE.set(null);
    }

    public static int injected() {
        return INJECTED.get();
    }

    private static final java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<String, Runnable>> BEFORE =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Runs {@code action} once, on the calling thread, just before the next {@code operation} request is sent: a way
     * to put something else exactly between a function's read and its write.
     */
    public static void before(String operation, Runnable action) {
        BEFORE.set(java.util.Map.entry(operation, action));
    }

    private static boolean strikes(ExecutionAttributes attributes, Fault kind) {
        Fault f = fault;
        if (f != kind) {
            return false;
        }
        String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        boolean hit = ("*".equals(operation) || operation.equals(op)) && ThreadLocalRandom.current().nextDouble() < rate;
        if (hit) {
            INJECTED.incrementAndGet();
        }
        return hit;
    }

    private static final ExecutionAttribute<Fault> FAULT_ATTR = new ExecutionAttribute<>("peduli-fault");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        java.util.Map.Entry<String, Runnable> hook = BEFORE.get();
        if (hook != null && hook.getKey().equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                && BEFORE.compareAndSet(hook, null)) {
            hook.getValue().run();
        }
        if (strikes(attributes, Fault.CONNECTION)) {
            throw SdkClientException.create("injected connection failure");
        }
        Fault f = fault;
        if (f == Fault.THROTTLING || f == Fault.SERVER_ERROR || f == Fault.TRANSACTION_CONFLICT) {
            if (strikes(attributes, f)) {
                attributes.putAttribute(FAULT_ATTR, f);
            } else {
                attributes.putAttribute(FAULT_ATTR, null);
            }
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Fault f = attributes.getAttribute(FAULT_ATTR);
        if (f == null) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder()
                .statusCode(f == Fault.SERVER_ERROR ? 500 : 400)
                .putHeader("x-amzn-ErrorType", errorType(f))
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Fault f = attributes.getAttribute(FAULT_ATTR);
        if (f == null) {
            return context.responseBody();
        }
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType(f) + "\",\"message\":\"injected\""
                + (f == Fault.TRANSACTION_CONFLICT ? ",\"CancellationReasons\":[{\"Code\":\"TransactionConflict\"}]" : "") + "}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String errorType(Fault f) {
        return switch (f) {
            case THROTTLING -> "ThrottlingException";
            case SERVER_ERROR -> "InternalServerError";
            case TRANSACTION_CONFLICT -> "TransactionCanceledException";
            case CONNECTION -> "none";
        };
    }
}
