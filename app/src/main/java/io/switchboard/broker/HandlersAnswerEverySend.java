package io.switchboard.broker;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;

/**
 * Refuses to start with a {@code @MessageMapping} method that returns nothing: Spring
 * does not pass {@code void} results on, so its SENDs would never get their RECEIPT.
 */
final class HandlersAnswerEverySend implements SmartInitializingSingleton {

	private final SimpAnnotationMethodMessageHandler handlers;

	HandlersAnswerEverySend(SimpAnnotationMethodMessageHandler handlers) {
		this.handlers = handlers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> silent = this.handlers.getHandlerMethods()
			.values()
			.stream()
			.filter((method) -> method.isVoid())
			.map((method) -> method.getShortLogMessage())
			.toList();
		if (!silent.isEmpty()) {
			throw new IllegalStateException("@MessageMapping methods must return their result or its future, "
					+ "which the RECEIPT follows; these return void: " + silent);
		}
	}

}
