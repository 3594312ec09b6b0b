package io.switchboard.system;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's last word on a request: what it refuses before any application code sees it (a
 * request header too large, a malformed request line or URI) is answered as
 * {@code application/problem+json}, never as Tomcat's HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final RefusalLog refusals = new RefusalLog(ProblemReportValve.class);

	private final JsonMapper json;

	ProblemReportValve(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatusCode code = HttpStatusCode.valueOf(status);
		String message = response.getMessage();
		String detail = (code.is4xxClientError() && message != null && !message.isBlank()) ? message
				: ProblemErrorController.describe(code);
		if (code.is4xxClientError()) {
			// Tomcat's own line for it is turned off: it carries a stack trace.
			refusals.info("Refused a request before it reached the application: {} {}", status, detail);
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getReporter().write(this.json.writeValueAsString(ProblemResponses.forStatus(code, detail)));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response is no longer ours to write.
		}
	}

}
