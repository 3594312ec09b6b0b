package io.switchboard.user;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BlockController {

	private final UserBlocks blocks;

	BlockController(UserBlocks blocks) {
		this.blocks = blocks;
	}

	@PostMapping("/api/users/{userId}/block")
	ResponseEntity<Void> block(@AuthenticationPrincipal CurrentUser me, @PathVariable long userId) {
		this.blocks.block(me, userId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/users/{userId}/block")
	ResponseEntity<Void> unblock(@AuthenticationPrincipal CurrentUser me, @PathVariable long userId) {
		this.blocks.unblock(me, userId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me/blocks")
	List<UserSummary> blocked(@AuthenticationPrincipal CurrentUser me) {
		return this.blocks.blockedBy(me.id());
	}

}
