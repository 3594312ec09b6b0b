package io.switchboard.channel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ChannelWriterConfiguration {

	/**
	 * Threads that store changes, a few for the whole node: each holds a database
	 * connection while it stores a batch. On shutdown they finish what they took, so a
	 * change that was accepted is stored or refused, never dropped.
	 */
	@Bean
	ThreadPoolTaskExecutor channelWriters(ChannelSettings settings) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("channel-writer-");
		executor.setCorePoolSize(settings.writerThreads());
		executor.setMaxPoolSize(settings.writerThreads());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

}
