package io.switchboard.system;

import jakarta.servlet.MultipartConfigElement;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every REST failure into {@code application/problem+json} with the wire error code
 * as the {@code code} member.
 */
@RestControllerAdvice
class RestErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RestErrorHandler.class);

	private final ObjectProvider<MultipartConfigElement> multipart;

	private final InvalidInput invalid;

	RestErrorHandler(ObjectProvider<MultipartConfigElement> multipart, InvalidInput invalid) {
		this.multipart = multipart;
		this.invalid = invalid;
	}

	@ExceptionHandler(RequestRefused.class)
	ResponseEntity<ProblemDetail> refused(RequestRefused ex) {
		if (ex.retryAfterMs() == null) {
			return ResponseEntity.status(ex.code().status()).body(ProblemDetails.of(ex.code(), ex.getMessage()));
		}
		return ResponseEntity.status(ex.code().status())
			.header(HttpHeaders.RETRY_AFTER, ProblemDetails.retryAfterHeader(ex.retryAfterMs()))
			.body(ProblemDetails.of(ex.code(), ex.getMessage(), ex.retryAfterMs()));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ProblemDetail unavailable(Exception ex) {
		logger.warn("Storage unavailable: {}", ex.getMessage());
		return ProblemDetails.of(ErrorCode.UNAVAILABLE, "storage is unavailable; safe to retry");
	}

	/**
	 * A multipart body that cannot be read is the client's. One over the upload limit is
	 * the more specific {@code MaxUploadSizeExceededException}, which Spring MVC answers
	 * with {@code 413}.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException ex) {
		return ProblemDetails.of(ErrorCode.BAD_REQUEST, "the multipart request could not be read");
	}

	/**
	 * Tomcat decodes the query when a parameter is first asked for, and refuses to guess
	 * at one that is not percent-encoded UTF-8.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail undecodableQuery(InvalidParameterException ex) {
		return ProblemDetails.of(ErrorCode.BAD_REQUEST, "query: must be percent-encoded UTF-8");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail internal(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ProblemDetails.of(ErrorCode.INTERNAL, "internal error");
	}

	/**
	 * {@code 413}, saying what the limit is: when the multipart parser refuses the
	 * upload, as it does most, its exception does not carry it.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MultipartConfigElement config = this.multipart.getIfAvailable();
		long limit = (ex.getMaxUploadSize() > 0) ? ex.getMaxUploadSize()
				: (config != null) ? config.getMaxFileSize() : -1;
		String detail = (limit > 0) ? "an upload may carry a file of at most " + limit + " bytes"
				: "the upload is too large";
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, this.invalid.fieldErrors(ex.getBindingResult()), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, this.invalid.methodValidation(ex), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, this.invalid.unreadable(ex), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return badRequest(ex, this.invalid.parameter(name, ex.getRequiredType()), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return badRequest(ex, ex.getParameterName() + ": must be given", headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest(ex, ex.getRequestPartName() + ": must be given", headers, status, request);
	}

	/**
	 * As Spring MVC answers it, without the warning it logs for every such request.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, null, headers, status, request);
	}

	/**
	 * An unknown path: the same answer for every one, saying which.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex,
				ProblemDetail.forStatusAndDetail(status, "no resource at /" + ex.getResourcePath()), headers, status,
				request);
	}

	private @Nullable ResponseEntity<Object> badRequest(Exception ex, String detail, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
	}

	/**
	 * Spring MVC's own errors (malformed JSON, failed validation, unknown path) keep
	 * their status and gain the wire code.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			problem.setProperty("code", ErrorCode.of(statusCode).wireName());
		}
		return response;
	}

}
