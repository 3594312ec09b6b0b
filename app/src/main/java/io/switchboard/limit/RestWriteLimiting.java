package io.switchboard.limit;

import java.util.Set;

import io.switchboard.user.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts a user's REST writes once their token is checked and refuses those over the
 * limit with {@code 429}, {@code Retry-After} and a {@code rate_limited} problem, before
 * the controller runs, so nothing is stored. The token endpoint has limits of its own.
 */
@Component
class RestWriteLimiting implements HandlerInterceptor, WebMvcConfigurer {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final RateLimits limits;

	RestWriteLimiting(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (WRITES.contains(request.getMethod()) && authentication != null
				&& authentication.getPrincipal() instanceof CurrentUser user) {
			this.limits.restWrite(user.id()).orRefuse(request.getMethod() + " requests");
		}
		return true;
	}

}
