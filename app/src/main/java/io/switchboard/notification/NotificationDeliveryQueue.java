package io.switchboard.notification;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers stored notifications on a thread of its own, in the order they were stored, so
 * that the transaction that stored them (a publisher's request, a channel's batch of
 * messages) does not wait for thousands of deliveries. The queue is bounded: when
 * deliveries fall that far behind, whoever stores more waits for room, rather than the
 * queue growing without end.
 */
@Component
class NotificationDeliveryQueue implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDeliveryQueue.class);

	static final int CAPACITY = 1024;

	private final BlockingQueue<Runnable> deliveries = new LinkedBlockingQueue<>(CAPACITY);

	private volatile @Nullable Thread worker;

	/**
	 * Queues the delivery, waiting for room if the queue is full; delivers at once on
	 * this thread while the queue is stopped.
	 */
	void submit(Runnable delivery) {
		if (this.worker == null) {
			delivery.run();
			return;
		}
		try {
			this.deliveries.put(delivery);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			delivery.run();
		}
	}

	private void work() {
		while (this.worker == Thread.currentThread() || !this.deliveries.isEmpty()) {
			try {
				Runnable delivery = this.deliveries.poll(1, TimeUnit.SECONDS);
				if (delivery != null) {
					delivery.run();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// Stored notifications stay in their inbox; the next delivery goes on.
				logger.warn("Could not deliver notifications: {}", ex.getMessage());
			}
		}
	}

	@Override
	public synchronized void start() {
		Thread thread = new Thread(this::work, "notification-delivery");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/**
	 * Delivers what is queued, for at most ten seconds, then stops.
	 */
	@Override
	public void stop() {
		Thread thread;
		synchronized (this) {
			thread = this.worker;
			this.worker = null;
		}
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

}
