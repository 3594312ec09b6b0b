package io.switchboard.user;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.switchboard.system.RequestRefused;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What users do with their own accounts, and how they find each other.
 */
@Service
public class UserProfiles {

	private final UserRepository users;

	private final TransactionTemplate transactions;

	private final Workspaces workspaces;

	private final UnreadNotifications unread;

	UserProfiles(UserRepository users, TransactionTemplate transactions, Workspaces workspaces,
			UnreadNotifications unread) {
		this.unread = unread;
		this.workspaces = workspaces;
		this.users = users;
		this.transactions = transactions;
	}

	public Profile profile(CurrentUser user) {
		return Profile.of(account(user.id()), user.roles(), workspace(user), this.unread.unreadCount(user.id()));
	}

	/**
	 * Changes what is given: a display name, or an avatar URL ({@code ""} removes it).
	 */
	public Profile change(CurrentUser user, @Nullable String displayName, @Nullable String avatarUrl) {
		String avatar = (avatarUrl != null && !avatarUrl.isEmpty()) ? requireWebUrl(avatarUrl) : null;
		return this.transactions.execute((status) -> {
			UserAccount account = account(user.id());
			if (displayName != null) {
				account.rename(requireName(displayName));
			}
			if (avatarUrl != null) {
				account.showAvatar(avatar);
			}
			return Profile.of(account, user.roles(), workspace(user), this.unread.unreadCount(user.id()));
		});
	}

	/**
	 * Enabled users whose user name or display name starts with the query, ignoring case,
	 * by user name.
	 */
	public List<DirectoryEntry> directory(long workspaceId, String query, int limit) {
		return this.users
			.findEnabledInWorkspace(workspaceId, UserRepository.likePrefix(query),
					PageRequest.of(0, limit, Sort.by("username")))
			.stream()
			.map(DirectoryEntry::of)
			.toList();
	}

	private Workspace workspace(CurrentUser user) {
		return this.workspaces.find(user.workspaceId()).orElseThrow();
	}

	private UserAccount account(long id) {
		return this.users.findById(id).orElseThrow(() -> RequestRefused.notFound("no user " + id));
	}

	static String requireName(String displayName) {
		String name = displayName.strip();
		if (name.isEmpty()) {
			throw RequestRefused.badRequest("displayName: must have a visible character");
		}
		return name;
	}

	/**
	 * Only {@code http} and {@code https}: a client shows the URL as an image, and any
	 * other scheme ({@code javascript:}, {@code data:}) is a way to attack its readers.
	 */
	private static String requireWebUrl(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return uri.toString();
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw RequestRefused.badRequest("avatarUrl: must be an http or https URL");
	}

}
