package io.switchboard.user;

import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator, an ADMIN of the default workspace, creates workspaces with their first
 * admin and lists them; nobody else does.
 */
@ServerTest
class WorkspaceAdministrationIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void theOperatorCreatesAWorkspaceWhoseAdminRunsItAlone() {
		TestUser operator = this.clients.newUser(Role.ADMIN);
		String name = "ws-" + System.nanoTime();
		String admin = "wa" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		JsonNode created = this.clients.rest(operator)
			.post()
			.uri("/api/admin/workspaces")
			.body(Map.of("name", name, "admin", Map.of("username", admin, "password", "first admin password")))
			.retrieve()
			.body(JsonNode.class);
		assertThat(created.get("name").asString()).isEqualTo(name);
		assertThat(created.get("userCount").asLong()).isEqualTo(1);
		JsonNode listed = this.clients.rest(operator)
			.get()
			.uri("/api/admin/workspaces")
			.retrieve()
			.body(JsonNode.class);
		assertThat(listed).filteredOn((workspace) -> workspace.get("name").asString().equals(name))
			.singleElement()
			.satisfies((workspace) -> assertThat(workspace.get("userCount").asLong()).isEqualTo(1));

		String token = this.clients.token(admin, "first admin password");
		RestClient newAdmin = this.clients.rest(token);
		assertThat(newAdmin.get().uri("/api/me").retrieve().body(JsonNode.class).at("/workspace/name").asString())
			.isEqualTo(name);
		assertThat(status(newAdmin.get().uri("/api/admin/workspaces"))).as("only the default workspace's admins")
			.isEqualTo(403);
		assertThat(status(newAdmin.get().uri("/api/admin/users/{id}", operator.id()))).isEqualTo(404);
		assertThat(status(this.clients.rest(operator).get().uri("/api/admin/users?query={q}", admin))).isEqualTo(200);
		assertThat(this.clients.rest(operator)
			.get()
			.uri("/api/admin/users?query={q}", admin)
			.retrieve()
			.body(JsonNode.class)
			.get("users")).as("the operator has no other power inside it").isEmpty();
	}

	@Test
	void onlyAdminsCreateWorkspacesAndNamesAreUnique() {
		TestUser operator = this.clients.newUser(Role.ADMIN);
		TestUser member = this.clients.newUser();
		String name = "ws-" + System.nanoTime();
		Map<String, Object> request = Map.of("name", name, "admin", Map.of("username",
				"wb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "password", "first admin password"));
		assertThat(status(this.clients.rest(member).post().uri("/api/admin/workspaces").body(request))).isEqualTo(403);
		assertThat(status(this.clients.rest(operator).post().uri("/api/admin/workspaces").body(request)))
			.isEqualTo(201);
		assertThat(status(this.clients.rest(operator)
			.post()
			.uri("/api/admin/workspaces")
			.body(Map.of("name", name, "admin",
					Map.of("username", "wc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36), "password",
							"first admin password")))))
			.isEqualTo(409);
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

}
