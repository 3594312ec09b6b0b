package io.switchboard.system;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;

/**
 * Says what is wrong with a request in the words of the {@code bad_request} it gets: the
 * field and the rule, such as {@code name: must not be blank} or
 * {@code type: must be one of public, private, ...}. One wording for REST and STOMP.
 */
@Component
public class InvalidInput {

	private final JsonMapper json;

	InvalidInput(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Each field that failed validation with its rule, by field name, e.g.
	 * {@code content: must not be empty; replyToId: must be a number}.
	 */
	public String fieldErrors(Errors errors) {
		Stream<String> fields = errors.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + message(error.getDefaultMessage()));
		Stream<String> global = errors.getGlobalErrors().stream().map((error) -> message(error.getDefaultMessage()));
		String described = Stream.concat(fields, global).sorted().distinct().collect(Collectors.joining("; "));
		return described.isEmpty() ? "invalid request" : described;
	}

	/**
	 * Request parameters and bodies that failed method validation.
	 */
	String methodValidation(MethodValidationResult result) {
		String described = result.getParameterValidationResults().stream().map((parameter) -> {
			if (parameter instanceof ParameterErrors errors) {
				return fieldErrors(errors);
			}
			String name = parameter.getMethodParameter().getParameterName();
			return parameter.getResolvableErrors()
				.stream()
				.map((error) -> name + ": " + message(error.getDefaultMessage()))
				.collect(Collectors.joining("; "));
		}).sorted().collect(Collectors.joining("; "));
		return described.isEmpty() ? "invalid request" : described;
	}

	/**
	 * A body or payload that could not be read as what the request takes: JSON that is
	 * malformed, a value of the wrong JSON type, an unknown enum value.
	 */
	public String unreadable(Throwable failure) {
		JacksonException ex = cause(failure, JacksonException.class);
		if (ex == null) {
			return "the body must be JSON";
		}
		String path = path(ex);
		if (ex instanceof InputCoercionException coercion) {
			return path + ": must be " + expected(coercion.getTargetType()) + " in its range";
		}
		if (ex instanceof StreamConstraintsException) {
			return "the JSON is too large or too deeply nested: " + ex.getOriginalMessage();
		}
		if (ex instanceof StreamReadException) {
			TokenStreamLocation at = ex.getLocation();
			return (at != null) ? "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
					: "malformed JSON";
		}
		if (ex instanceof UnrecognizedPropertyException) {
			return path + ": is not a field of this request";
		}
		Class<?> target = (ex instanceof MismatchedInputException mismatch) ? mismatch.getTargetType()
				: (ex instanceof ValueInstantiationException instantiation) ? instantiation.getType().getRawClass()
						: null;
		if (target != null && target.isEnum()) {
			return path + ": must be one of " + wireNames(target);
		}
		RequestRefused refused = cause(ex, RequestRefused.class);
		if (refused != null && refused.code() == ErrorCode.BAD_REQUEST) {
			return path + ": " + refused.getMessage();
		}
		if (ex instanceof MismatchedInputException && ex.getPath().isEmpty()
				&& String.valueOf(ex.getOriginalMessage()).startsWith("No content")) {
			return "the body must not be empty";
		}
		return path + ": must be " + expected(target);
	}

	/**
	 * A request parameter or path variable that is not of its type, e.g.
	 * {@code limit: must be a number}.
	 */
	String parameter(String name, @Nullable Class<?> type) {
		return name + ": must be " + expected(type);
	}

	/**
	 * How a value of this type is written in JSON, or in a request parameter.
	 */
	private String expected(@Nullable Class<?> type) {
		if (type == null || type == Object.class || JsonNode.class.isAssignableFrom(type)) {
			return "JSON of another shape";
		}
		if (type.isEnum()) {
			return "one of " + wireNames(type);
		}
		if (type == String.class || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
			return "a number";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a time in ISO-8601, such as 2030-01-31T12:00:00Z";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		return (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java."))
				? "an object" : "JSON of another shape";
	}

	/**
	 * The constants as JSON spells them, which is how the client must send them.
	 */
	private String wireNames(Class<?> type) {
		return Arrays.stream(type.getEnumConstants())
			.map((constant) -> this.json.<JsonNode>valueToTree(constant))
			.map((name) -> name.isString() ? name.asString() : name.toString())
			.collect(Collectors.joining(", "));
	}

	/**
	 * Where in the JSON, e.g. {@code admin.username} or {@code userIds[2]}; {@code body}
	 * for the whole.
	 */
	private static String path(JacksonException ex) {
		List<JacksonException.Reference> references = ex.getPath();
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	private static <T extends Throwable> @Nullable T cause(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
