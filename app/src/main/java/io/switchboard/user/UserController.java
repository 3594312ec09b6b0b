package io.switchboard.user;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

	@GetMapping("/api/me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser me) {
		return me;
	}

}
