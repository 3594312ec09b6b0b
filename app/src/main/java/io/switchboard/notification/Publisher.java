package io.switchboard.notification;

import io.switchboard.user.CurrentUser;

/**
 * Who publishes notifications: idempotency keys are theirs alone, and recipients are
 * looked up in their workspace only.
 *
 * @param workspaceId the workspace whose users receive the notifications
 * @param name a name unique among the workspace's publishers, such as {@code user:42}
 */
public record Publisher(long workspaceId, String name) {

	/**
	 * A user with role PUBLISHER or ADMIN, calling the REST API.
	 */
	static Publisher user(CurrentUser user) {
		return new Publisher(user.workspaceId(), "user:" + user.id());
	}

}
