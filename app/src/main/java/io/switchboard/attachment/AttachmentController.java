package io.switchboard.attachment;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.switchboard.channel.event.AttachmentView;
import io.switchboard.user.CurrentUser;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/channels/{id}/attachments} uploads a file for a message to come;
 * {@code GET /api/attachments/{id}} fetches one.
 */
@RestController
class AttachmentController {

	private final AttachmentFiles files;

	AttachmentController(AttachmentFiles files) {
		this.files = files;
	}

	@PostMapping(path = "/api/channels/{channelId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> upload(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@RequestPart("file") MultipartFile file) {
		AttachmentView uploaded = this.files.upload(me, channelId, file);
		return ResponseEntity.created(URI.create("/api/attachments/" + uploaded.id())).body(uploaded);
	}

	/**
	 * Served so that no upload runs in the server's origin: only safe raster images
	 * inline, as their type; everything else as a download of opaque bytes. Browsers must
	 * not guess another type ({@code nosniff}), and a document opened anyway is
	 * sandboxed.
	 */
	@GetMapping("/api/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser me, @PathVariable long attachmentId) {
		AttachmentFiles.Download download = this.files.download(me, attachmentId);
		return ResponseEntity.ok()
			.contentType(ContentTypes.servedAs(download.contentType()))
			.cacheControl(CacheControl.empty().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition(ContentTypes.isShownInline(download.contentType()), download.name()))
			.body(download.content());
	}

	/**
	 * The name in UTF-8 as {@code filename*}, and as {@code filename}, for clients that
	 * read nothing else, with what is not printable ASCII replaced: a header's bytes are
	 * not UTF-8.
	 */
	private static String disposition(boolean inline, String name) {
		String ascii = name.codePoints()
			.map((c) -> (c >= 0x20 && c < 0x7f) ? c : '_')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String plain = type(inline).filename(ascii).build().toString();
		if (ascii.equals(name)) {
			return plain;
		}
		String encoded = type(inline).filename(name, StandardCharsets.UTF_8).build().toString();
		return plain + encoded.substring(encoded.indexOf("; filename*="));
	}

	private static ContentDisposition.Builder type(boolean inline) {
		return inline ? ContentDisposition.inline() : ContentDisposition.attachment();
	}

}
