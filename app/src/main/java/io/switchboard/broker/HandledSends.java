package io.switchboard.broker;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.PathMatcher;

/**
 * Which SEND destinations have a {@code @MessageMapping} handler, read from the handlers
 * themselves: the authorization rules let a SEND through only to one of them, and a new
 * handler needs no second list.
 */
@Component
public class HandledSends {

	private final ObjectProvider<SimpAnnotationMethodMessageHandler> handlers;

	private volatile @Nullable List<String> patterns;

	HandledSends(ObjectProvider<SimpAnnotationMethodMessageHandler> handlers) {
		this.handlers = handlers;
	}

	public boolean handles(String destination) {
		SimpAnnotationMethodMessageHandler handler = this.handlers.getObject();
		PathMatcher matcher = handler.getPathMatcher();
		for (String prefix : handler.getDestinationPrefixes()) {
			if (destination.startsWith(prefix)) {
				String lookup = destination.substring(prefix.length());
				return patterns(handler).stream().anyMatch((pattern) -> matcher.match(pattern, lookup));
			}
		}
		return false;
	}

	private List<String> patterns(SimpAnnotationMethodMessageHandler handler) {
		List<String> known = this.patterns;
		if (known == null) {
			known = handler.getHandlerMethods()
				.keySet()
				.stream()
				.map((info) -> info.getDestinationConditions().getPatterns())
				.flatMap(Collection::stream)
				.toList();
			this.patterns = known;
		}
		return known;
	}

}
