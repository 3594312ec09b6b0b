package io.switchboard.user;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me/settings}: whatever a client keeps for its user, such as a theme. The
 * body is passed through as text: the server checks only that it is a JSON object of at
 * most 16 KiB.
 */
@RestController
class UserSettingsController {

	private final UserSettings settings;

	UserSettingsController(UserSettings settings) {
		this.settings = settings;
	}

	@GetMapping(path = "/api/me/settings", produces = MediaType.APPLICATION_JSON_VALUE)
	String settings(@AuthenticationPrincipal CurrentUser me) {
		return this.settings.of(me.id());
	}

	@PutMapping(path = "/api/me/settings", produces = MediaType.APPLICATION_JSON_VALUE)
	String replace(@AuthenticationPrincipal CurrentUser me, @RequestBody String settings) {
		return this.settings.replace(me.id(), settings);
	}

}
