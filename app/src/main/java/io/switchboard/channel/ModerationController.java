package io.switchboard.channel;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.switchboard.system.PageSize;
import io.switchboard.system.PlainText;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roles, kicks, mutes, bans, closing support channels, and the audit log.
 */
@RestController
class ModerationController {

	static final int MAX_AUDIT_PAGE = 100;

	private final ChannelModeration moderation;

	ModerationController(ChannelModeration moderation) {
		this.moderation = moderation;
	}

	@PatchMapping("/api/channels/{channelId}/members/{userId}")
	ResponseEntity<Void> changeRole(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@PathVariable long userId, @Valid @RequestBody ChangeRole request) {
		ChannelWriter.awaitStored(this.moderation.changeRole(channelId, me, userId, request.role()));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/channels/{channelId}/members/{userId}")
	ResponseEntity<Void> kick(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@PathVariable long userId, @RequestParam @Nullable @Size(max = 500) @PlainText String reason) {
		ChannelWriter.awaitStored(this.moderation.kick(channelId, me, userId, reason));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/channels/{channelId}/mutes")
	ResponseEntity<Void> mute(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody Sanction request) {
		ChannelWriter
			.awaitStored(this.moderation.mute(channelId, me, request.userId(), request.until(), request.reason()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/channels/{channelId}/mutes")
	List<Sanctions.Sanction> mutes(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		return this.moderation.active(channelId, me, Sanctions.Kind.MUTE);
	}

	@DeleteMapping("/api/channels/{channelId}/mutes/{userId}")
	ResponseEntity<Void> unmute(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@PathVariable long userId) {
		ChannelWriter.awaitStored(this.moderation.unmute(channelId, me, userId));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/channels/{channelId}/bans")
	ResponseEntity<Void> ban(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody Sanction request) {
		ChannelWriter
			.awaitStored(this.moderation.ban(channelId, me, request.userId(), request.until(), request.reason()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/channels/{channelId}/bans")
	List<Sanctions.Sanction> bans(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		return this.moderation.active(channelId, me, Sanctions.Kind.BAN);
	}

	@DeleteMapping("/api/channels/{channelId}/bans/{userId}")
	ResponseEntity<Void> unban(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@PathVariable long userId) {
		ChannelWriter.awaitStored(this.moderation.unban(channelId, me, userId));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/channels/{channelId}/close")
	ResponseEntity<Void> close(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		ChannelWriter.awaitStored(this.moderation.close(channelId, me));
		return ResponseEntity.noContent().build();
	}

	/**
	 * {@code ?before=ID&limit=N}: newest first.
	 */
	/**
	 * The same actions over STOMP, for a moderator's client that holds a session: the
	 * RECEIPT follows once the action is stored.
	 */
	@MessageMapping("channel.{channelId}.moderate")
	CompletableFuture<Boolean> moderate(@DestinationVariable long channelId, @Valid @Payload Moderate request,
			@AuthenticationPrincipal CurrentUser me) {
		return switch (request.action()) {
			case "kick" -> this.moderation.kick(channelId, me, request.userId(), request.reason());
			case "mute" -> this.moderation.mute(channelId, me, request.userId(), request.until(), request.reason());
			case "unmute" -> this.moderation.unmute(channelId, me, request.userId());
			case "ban" -> this.moderation.ban(channelId, me, request.userId(), request.until(), request.reason());
			case "unban" -> this.moderation.unban(channelId, me, request.userId());
			case "role" -> {
				if (request.role() == null) {
					throw RequestRefused.badRequest("role: must be given for action role");
				}
				yield this.moderation.changeRole(channelId, me, request.userId(), request.role());
			}
			default -> throw RequestRefused.badRequest("action: must be one of kick, mute, unmute, ban, unban, role");
		};
	}

	@GetMapping("/api/channels/{channelId}/audit")
	List<AuditLog.Entry> channelAudit(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@RequestParam @Nullable Long before, @RequestParam @Nullable Integer limit) {
		return this.moderation.audit(channelId, me, before(before), PageSize.of(limit, 50, MAX_AUDIT_PAGE));
	}

	@GetMapping("/api/audit")
	List<AuditLog.Entry> workspaceAudit(@AuthenticationPrincipal CurrentUser me, @RequestParam @Nullable Long before,
			@RequestParam @Nullable Integer limit) {
		return this.moderation.workspaceAudit(me, before(before), PageSize.of(limit, 50, MAX_AUDIT_PAGE));
	}

	private static long before(@Nullable Long before) {
		return (before != null) ? before : Long.MAX_VALUE;
	}

	/**
	 * The payload of {@code /app/channel.{id}.moderate}.
	 */
	record Moderate(@NotNull String action, @Nullable Long userId, @Nullable Instant until,
			@Nullable @Size(max = 500) @PlainText String reason, @Nullable MemberRole role) {

		long target() {
			if (this.userId == null) {
				throw RequestRefused.badRequest("userId: must be given for action " + this.action);
			}
			return this.userId;
		}

	}

	record ChangeRole(@NotNull MemberRole role) {

	}

	/**
	 * @param until when it ends by itself; without it, when lifted
	 */
	record Sanction(@NotNull Long userId, @Nullable Instant until,
			@Nullable @Size(max = 500) @PlainText String reason) {

	}

}
