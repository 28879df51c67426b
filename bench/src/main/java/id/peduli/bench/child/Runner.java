package id.peduli.bench.child;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold-start child: {@code java -XX:TieredStopAtLevel=1 -cp <function jar>:<this dir> id.peduli.bench.child.Runner
 * <HandlerClass> <event.json>}. Does what the Lambda runtime does on a cold start (load and construct the handler,
 * then invoke it with the event bytes) and prints {@code status NNN} as soon as the handler has answered; the parent
 * stops its clock on that line. Depends on the JDK and the aws-lambda-java-core interfaces only, so the function's
 * classpath is its deployable jar plus this class.
 */
public final class Runner {
    private Runner() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
        String answer = out.toString(StandardCharsets.UTF_8);
        System.out.println("status " + statusOf(answer));
        System.out.flush();
        Cpu.print();
        if (args.length > 2 && args[2].equals("--print")) {
            System.out.println(answer);
        }
    }

    /** The {@code statusCode} of the answer event, read without a JSON library (the handler's own is not ours to load). */
    static int statusOf(String answer) {
        int at = answer.indexOf("\"statusCode\"");
        if (at < 0) {
            return -1;
        }
        int i = answer.indexOf(':', at) + 1;
        while (i < answer.length() && answer.charAt(i) == ' ') {
            i++;
        }
        int end = i;
        while (end < answer.length() && Character.isDigit(answer.charAt(end))) {
            end++;
        }
        return end > i ? Integer.parseInt(answer.substring(i, end)) : -1;
    }

    /** A minimal Lambda context; logs go to standard error as a function's go to CloudWatch. */
    static final class BenchContext implements Context, LambdaLogger {
        private final long deadline = System.currentTimeMillis() + 15_000;

        @Override public String getAwsRequestId() { return "bench-cold-start"; }
        @Override public String getLogGroupName() { return "/aws/lambda/bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:000000000000:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return this; }
        @Override public void log(String message) { System.err.println(message); }
        @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
    }
}
