package io.switchboard.system;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link HousekeepingTask} on one background thread of its own, away from the
 * threads that deliver. Stopped with the context and started again with it.
 */
@Component
class Housekeeping implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Housekeeping.class);

	private final List<HousekeepingTask> tasks;

	private @Nullable ScheduledExecutorService thread;

	Housekeeping(List<HousekeepingTask> tasks) {
		this.tasks = tasks;
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((work) -> {
			Thread housekeeper = new Thread(work, "housekeeping");
			housekeeper.setDaemon(true);
			return housekeeper;
		});
		for (HousekeepingTask task : this.tasks) {
			started.scheduleWithFixedDelay(() -> runLogged(task), task.firstRunAfter().toMillis(),
					task.interval().toMillis(), TimeUnit.MILLISECONDS);
		}
		this.thread = started;
	}

	private static void runLogged(HousekeepingTask task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			// Most likely the database is away for a moment; the next run tries again.
			logger.warn("Could not {}: {}", task.description(), ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.thread != null) {
			this.thread.shutdownNow();
			this.thread = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.thread != null;
	}

}
