package id.peduli.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import id.peduli.core.domain.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The Lambda entry point shared by every HTTP function: reads the API Gateway event, hands it to {@link #handle},
 * and turns whatever happens into an answer. Domain refusals become 4xx problem documents; storage faults 503;
 * anything else 500 with the request id and nothing more. Logs name the failure, never its data.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    protected abstract HttpResponse handle(HttpRequest request);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpRequest request = HttpRequest.fromEvent(Json.read(input));
        HttpResponse response = respond(request, context);
        output.write(Json.write(response.toEvent()).getBytes(StandardCharsets.UTF_8));
    }

    /** Handles one request; never throws. */
    public final HttpResponse respond(HttpRequest request, Context context) {
        try {
            return handle(request);
        } catch (Body.Rejected e) {
            return e.response();
        } catch (DomainException.Invalid e) {
            return Problems.invalid(e.errors());
        } catch (DomainException.NotFound e) {
            return Problems.notFound(e.getMessage());
        } catch (DomainException.Conflict e) {
            return Problems.conflict(e.getMessage());
        } catch (DomainException.Unprocessable e) {
            return Problems.unprocessable(e.getMessage());
        } catch (DomainException.Unauthenticated e) {
            return Problems.unauthorized(e.getMessage());
        } catch (DomainException.Forbidden e) {
            return Problems.forbidden(e.getMessage());
        } catch (DomainException.Unavailable | SdkClientException e) {
            log(context, request, e);
            return Problems.unavailable(request.requestId());
        } catch (SdkServiceException e) {
            log(context, request, e);
            return e.isThrottlingException() || e.statusCode() >= 500
                    ? Problems.unavailable(request.requestId()) : Problems.internal(request.requestId());
        } catch (RuntimeException e) {
            log(context, request, e);
            return Problems.internal(request.requestId());
        }
    }

    /** The failure's class and where it happened; messages are left out because they may quote stored data. */
    private static void log(Context context, HttpRequest request, Throwable e) {
        StringBuilder line = new StringBuilder("request ").append(request.requestId()).append(' ')
                .append(request.routeKey()).append(" failed: ").append(e.getClass().getName());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 8); i++) {
            line.append("\n  at ").append(trace[i]);
        }
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line.toString());
        }
    }
}
