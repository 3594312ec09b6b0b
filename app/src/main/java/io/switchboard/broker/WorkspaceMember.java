package io.switchboard.broker;

/**
 * A session's user who belongs to a workspace: destinations that exist once per
 * workspace, such as {@code /topic/announcements}, are theirs.
 */
public interface WorkspaceMember {

	long workspaceId();

}
