package io.switchboard.user;

import java.util.Set;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap admin ({@code switchboard.accounts.bootstrap-admin.*}) when no
 * user exists yet, in any profile: the way into a fresh deployment. Once anyone exists
 * the settings change nothing, so they may stay in the deployment's environment.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountSettings settings;

	private final UserRepository users;

	private final UserAdministration administration;

	private final Workspaces workspaces;

	FirstAdmin(AccountSettings settings, UserRepository users, UserAdministration administration,
			Workspaces workspaces) {
		this.workspaces = workspaces;
		this.settings = settings;
		this.users = users;
		this.administration = administration;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		AccountSettings.BootstrapAdmin admin = this.settings.bootstrapAdmin();
		if (admin == null || admin.username() == null || admin.username().isBlank()) {
			return;
		}
		String username = admin.username().strip();
		String password = admin.password();
		if (!username.matches(UserAdminController.USERNAME) || password == null
				|| password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH) {
			throw new IllegalStateException("switchboard.accounts.bootstrap-admin needs a username of 1 to 32 of "
					+ "a-z 0-9 _ . - and a password of " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_LENGTH
					+ " characters");
		}
		if (this.users.count() > 0) {
			return;
		}
		try {
			AccountView created = this.administration.create(this.workspaces.defaultWorkspace().id(), username,
					password, null, Set.of(Role.ADMIN));
			logger.info("Created the bootstrap admin '{}' (user {})", created.username(), created.id());
		}
		catch (RequestRefused refused) {
			if (refused.code() != ErrorCode.CONFLICT) {
				throw new IllegalStateException("Could not create the bootstrap admin: " + refused.getMessage());
			}
			// Another node starting on the same empty database created it first.
			logger.info("The bootstrap admin '{}' exists already", username);
		}
	}

}
