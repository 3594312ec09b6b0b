package io.switchboard.security;

import java.io.IOException;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.ProblemDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP security: {@code /api/**} needs a bearer token; the STOMP endpoints authenticate
 * in the CONNECT frame instead, so their handshakes are open. No cookies, no sessions.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

	/**
	 * For the web client: scripts and styles only from the server's own files, so that
	 * markup a user smuggles into a message could run nothing even if it were rendered. A
	 * response that sets its own policy (attachments: {@code sandbox}) keeps it.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, UserAuthenticationConverter converter, JsonMapper json,
			Environment environment) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/auth/token")
			.permitAll()
			// A separate management port is reachable only where the deployment lets it
			// be, so scrapers need no token there.
			.requestMatchers((request) -> onManagementPort(request, environment))
			.permitAll()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/api/**")
			.authenticated()
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.hasRole("ADMIN")
			.requestMatchers("/actuator/**")
			.denyAll()
			.anyRequest()
			.permitAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint((request, response, ex) -> writeProblem(response, json,
						ErrorCode.UNAUTHORIZED, "a valid bearer token is required"))
				.accessDeniedHandler(
						(request, response, ex) -> writeProblem(response, json, ErrorCode.FORBIDDEN, "not allowed")))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are never sent by a browser on its own, so there is nothing
			// to
			// forge.
			.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable());
		return http.build();
	}

	@Bean
	SockJsSessionBinding sockJsSessionBinding(JsonMapper json) {
		return new SockJsSessionBinding(json);
	}

	/**
	 * Before the SockJS service sees a request, so that one from a stranger reaches no
	 * session.
	 */
	@Bean
	FilterRegistrationBean<SockJsSessionBinding> sockJsSessionBindingRegistration(SockJsSessionBinding binding) {
		FilterRegistrationBean<SockJsSessionBinding> registration = new FilterRegistrationBean<>(binding);
		registration.addUrlPatterns(SockJsSessionBinding.PREFIX + "*");
		return registration;
	}

	private static boolean onManagementPort(HttpServletRequest request, Environment environment) {
		Integer managementPort = environment.getProperty("local.management.port", Integer.class);
		Integer serverPort = environment.getProperty("local.server.port", Integer.class);
		return managementPort != null && !managementPort.equals(serverPort) && request.getLocalPort() == managementPort;
	}

	private static void writeProblem(HttpServletResponse response, JsonMapper json, ErrorCode code, String detail)
			throws IOException {
		response.setStatus(code.status().value());
		if (code == ErrorCode.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemDetails.of(code, detail));
	}

}
