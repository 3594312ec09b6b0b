package io.switchboard.system;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problem bodies for what is refused before Spring MVC: requests Spring Security's
 * firewall rejects (a {@code ;} or an encoded {@code /} in the path, ...), and those
 * Tomcat refuses itself. {@link ProblemErrorController} answers the rest of the
 * container's errors.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

	private static final RefusalLog refusals = new RefusalLog(ContainerErrors.class);

	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		return (request, response, ex) -> {
			refusals.info("Refused a request URL: {}", ex.getMessage());
			ProblemResponses.write(response, json, ProblemResponses.forStatus(HttpStatus.BAD_REQUEST,
					"the request URL was refused: " + ex.getMessage()));
		};
	}

	@Bean
	ProblemReportValveCustomizer problemReportValve(JsonMapper json) {
		return new ProblemReportValveCustomizer(json);
	}

	/**
	 * Runs after Spring Boot's own customizer, which gives the host a plain
	 * {@link ErrorReportValve}: this one takes its place.
	 */
	static final class ProblemReportValveCustomizer
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final JsonMapper json;

		ProblemReportValveCustomizer(JsonMapper json) {
			this.json = json;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Host host = (Host) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemReportValve(this.json));
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
