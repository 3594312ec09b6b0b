package io.switchboard.system;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what a filter or the container itself refuses
 * before Spring MVC sees the request is answered as {@code application/problem+json} too,
 * in place of Spring Boot's own error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatusCode status = status(request);
		ProblemDetail problem = ProblemResponses.forStatus(status, detail(status, request));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (code instanceof Integer status && status >= 400) ? HttpStatusCode.valueOf(status)
				: HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/**
	 * What the container said, for a client error; nothing of a server failure's cause.
	 */
	static String detail(HttpStatusCode status, HttpServletRequest request) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "no resource at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
			return text;
		}
		return describe(status);
	}

	static String describe(HttpStatusCode status) {
		if (status.value() == HttpStatus.BAD_REQUEST.value()) {
			return "the server could not read the request";
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase().toLowerCase(Locale.ROOT) : "error " + status;
	}

}
