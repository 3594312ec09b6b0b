package io.switchboard.system;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start on the embedded H2 database that the
 * zero-setup default uses: production data belongs in PostgreSQL. It runs before any bean
 * is made, so the refusal comes before Liquibase touches the database.
 */
@Component
@Profile("prod")
class ProductionDatabaseCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	private String url = "";

	@Override
	public void setEnvironment(Environment environment) {
		this.url = environment.getProperty("spring.datasource.url", "");
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.url.isBlank() || this.url.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("The prod profile needs PostgreSQL: set SPRING_DATASOURCE_URL, "
					+ "SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD");
		}
	}

}
