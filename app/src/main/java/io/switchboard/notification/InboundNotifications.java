package io.switchboard.notification;

import io.switchboard.broker.InboundMessageHandler;
import io.switchboard.broker.InboundMessageRejected;
import io.switchboard.system.ControlCharacters;
import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.Workspace;
import io.switchboard.user.Workspaces;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Publications sent to the broker's inbound address: the JSON of {@code POST
 * /api/notifications}, with an optional {@code "workspace"} name (the configured one if
 * absent), published exactly as the REST call does, with the broker's message id as the
 * idempotency key. What can never be published is rejected with the reason.
 */
@Component
class InboundNotifications implements InboundMessageHandler {

	/** The publisher that idempotency keys of broker messages belong to. */
	static final String PUBLISHER = "broker";

	private final NotificationPublisher publisher;

	private final Workspaces workspaces;

	private final JsonMapper json;

	private final NotificationSettings settings;

	InboundNotifications(NotificationPublisher publisher, Workspaces workspaces, JsonMapper json,
			NotificationSettings settings) {
		this.publisher = publisher;
		this.workspaces = workspaces;
		this.json = json;
		this.settings = settings;
	}

	@Override
	public void handle(String messageId, String body) {
		ObjectNode request = object(body);
		JsonNode named = request.remove("workspace");
		if (named != null && !named.isString()) {
			throw new InboundMessageRejected("workspace: must be a workspace's name");
		}
		String name = (named != null) ? named.asString() : this.settings.inboundWorkspace();
		if (!ControlCharacters.absent(name)) {
			throw new InboundMessageRejected("workspace: " + ControlCharacters.RULE);
		}
		Workspace workspace = this.workspaces.named(name)
			.orElseThrow(() -> new InboundMessageRejected("workspace: no workspace is named " + name));
		Publication publication;
		try {
			publication = this.json.treeToValue(request, Publication.class);
		}
		catch (JacksonException ex) {
			throw new InboundMessageRejected("not a publication: " + ex.getOriginalMessage());
		}
		try {
			this.publisher.publish(new Publisher(workspace.id(), PUBLISHER), publication, messageId);
		}
		catch (RequestRefused refused) {
			if (refused.code() == ErrorCode.UNAVAILABLE) {
				throw refused;
			}
			throw new InboundMessageRejected(refused.getMessage());
		}
	}

	private ObjectNode object(String body) {
		JsonNode parsed;
		try {
			parsed = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InboundMessageRejected("not JSON: " + ex.getOriginalMessage());
		}
		if (!(parsed instanceof ObjectNode object)) {
			throw new InboundMessageRejected("not a JSON object");
		}
		return object;
	}

}
