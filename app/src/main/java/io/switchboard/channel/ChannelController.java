package io.switchboard.channel;

import java.util.List;

import io.switchboard.system.PlainText;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChannelController {

	private final ChannelDirectory directory;

	private final ChannelMembership membership;

	private final DirectChannels direct;

	ChannelController(ChannelDirectory directory, ChannelMembership membership, DirectChannels direct) {
		this.directory = directory;
		this.membership = membership;
		this.direct = direct;
	}

	@GetMapping("/api/channels")
	List<ChannelView> mine(@AuthenticationPrincipal CurrentUser me) {
		return this.directory.mine(me.id());
	}

	@PostMapping("/api/channels")
	@ResponseStatus(HttpStatus.CREATED)
	ChannelView create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody CreateChannel request) {
		return this.directory.create(me, request.name(), request.type(), request.description());
	}

	@GetMapping("/api/channels/public")
	List<ChannelView> joinable(@AuthenticationPrincipal CurrentUser me) {
		return this.directory.joinable(me.id(), me.workspaceId());
	}

	/**
	 * Open support channels, for agents: users with role MODERATOR or ADMIN.
	 */
	@GetMapping("/api/support")
	List<ChannelView> openSupport(@AuthenticationPrincipal CurrentUser me) {
		return this.directory.openSupport(me);
	}

	@GetMapping("/api/channels/{channelId}")
	ChannelView one(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		return this.directory.view(channelId, me);
	}

	@PostMapping("/api/channels/{channelId}/join")
	ChannelView join(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		return this.membership.join(channelId, me);
	}

	@PostMapping("/api/channels/{channelId}/leave")
	ResponseEntity<Void> leave(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		this.membership.leave(channelId, me);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/channels/{channelId}/members")
	ResponseEntity<Void> addMember(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody AddMember request) {
		this.membership.add(channelId, me, request.userId(),
				(request.role() != null) ? request.role() : MemberRole.MEMBER);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/direct")
	ResponseEntity<ChannelView> direct(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody OpenDirect request) {
		DirectChannels.Opened opened = this.direct.open(me, request.userIds());
		return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK).body(opened.channel());
	}

	record CreateChannel(@NotBlank @Size(max = 80) @PlainText String name, @NotNull ChannelType type,
			@Nullable @Size(max = 500) @PlainText String description) {

		CreateChannel {
			name = (name != null) ? name.strip() : null;
		}

	}

	record AddMember(@NotNull Long userId, @Nullable MemberRole role) {

	}

	record OpenDirect(@NotEmpty @Size(max = DirectChannels.MAX_PARTICIPANTS) List<Long> userIds) {

	}

}
