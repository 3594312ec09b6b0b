package io.switchboard.user;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A user's data: {@code GET /api/me/export} streams all of it as one JSON document;
 * {@code DELETE /api/me} (or an ADMIN's {@code DELETE /api/admin/users/{id}}) erases it.
 */
@RestController
class PersonalDataController {

	private final UserProfiles profiles;

	private final List<PersonalData> sections;

	private final UserAdministration administration;

	private final JsonMapper json;

	PersonalDataController(UserProfiles profiles, List<PersonalData> sections, UserAdministration administration,
			JsonMapper json) {
		this.profiles = profiles;
		this.sections = sections;
		this.administration = administration;
		this.json = json;
	}

	/**
	 * Written as it is read: the messages section goes out page by page.
	 */
	@GetMapping("/api/me/export")
	ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser me) {
		Profile profile = this.profiles.profile(me);
		StreamingResponseBody body = (stream) -> {
			try (JsonGenerator out = this.json.createGenerator(stream)) {
				out.writeStartObject();
				out.writePOJOProperty("profile", profile);
				for (PersonalData section : this.sections) {
					out.writeName(section.section());
					section.write(me.id(), out);
				}
				out.writeEndObject();
			}
		};
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"switchboard-export.json\"")
			.body(body);
	}

	@DeleteMapping("/api/me")
	ResponseEntity<Void> eraseMe(@AuthenticationPrincipal CurrentUser me) {
		this.administration.erase(me.workspaceId(), me.id());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/admin/users/{id}")
	ResponseEntity<Void> erase(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		this.administration.erase(me.workspaceId(), id);
		return ResponseEntity.noContent().build();
	}

}
