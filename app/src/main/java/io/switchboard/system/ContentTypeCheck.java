package io.switchboard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a request whose {@code Content-Type} is no concrete media type ({@code *}/*,
 * {@code application/*}, or not a media type at all) with {@code 415}, before Spring MVC
 * reads the body: it would otherwise fail on such a header with an internal error.
 */
@Component
class ContentTypeCheck implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotSupportedException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isConcrete(contentType)) {
			HttpMediaTypeNotSupportedException unsupported = new HttpMediaTypeNotSupportedException(
					"Content-Type is no concrete media type");
			unsupported.getBody().setDetail("Content-Type: must be a concrete media type such as application/json");
			throw unsupported;
		}
		return true;
	}

	private static boolean isConcrete(String contentType) {
		try {
			return MediaType.parseMediaType(contentType).isConcrete();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
