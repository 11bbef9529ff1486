package org.novasim.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requests Tomcat refuses itself before any filter sees them (a URI it cannot decode, a NUL, an encoded
 * slash, a malformed header) are answered in the API's format too, instead of with Tomcat's HTML page.
 */
final class ContainerErrorValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String uri = request.getRequestURI();
        Api api = Api.ofRoot(uri == null ? "" : ApiPath.root(uri, ""));
        ResponseEntity<Object> error = api.error(status, null, "The request was refused: " + status.getReasonPhrase());
        try {
            response.setContentType(String.valueOf(error.getHeaders().getContentType()));
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                Object body = error.getBody();
                writer.write(body instanceof String text ? text : JSON.writeValueAsString(body));
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response committed: nothing left to tell it.
        }
    }
}
