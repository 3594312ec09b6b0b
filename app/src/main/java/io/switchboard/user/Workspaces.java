package io.switchboard.user;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspaces, by id and by name.
 */
@Service
public class Workspaces {

	private static final RowMapper<Workspace> WORKSPACE = (row, i) -> new Workspace(row.getLong(1), row.getString(2));

	private final JdbcTemplate jdbc;

	// Lazily: administration needs workspaces, and a new workspace needs its first admin.
	private final ObjectProvider<UserAdministration> administration;

	Workspaces(JdbcTemplate jdbc, ObjectProvider<UserAdministration> administration) {
		this.jdbc = jdbc;
		this.administration = administration;
	}

	public Optional<Workspace> find(long id) {
		return this.jdbc.query("select id, name from workspaces where id = ?", WORKSPACE, id).stream().findFirst();
	}

	public Optional<Workspace> named(String name) {
		return this.jdbc.query("select id, name from workspaces where name = ?", WORKSPACE, name).stream().findFirst();
	}

	/**
	 * The workspace that built-in accounts belong to unless said otherwise; the schema
	 * creates it.
	 */
	public Workspace defaultWorkspace() {
		return named(Workspace.DEFAULT).orElseThrow(() -> new IllegalStateException("no default workspace"));
	}

	/**
	 * The workspace of that name, created on first sight, for an external issuer's claim.
	 * Two sessions that name a new workspace at once get the same one.
	 */
	public Workspace namedOrCreated(String name) {
		Optional<Workspace> found = named(name);
		if (found.isPresent()) {
			return found.get();
		}
		try {
			this.jdbc.update("insert into workspaces (name, created_at) values (?, ?)", name,
					Timestamp.from(Timestamps.now()));
		}
		catch (DuplicateKeyException raced) {
			// created by the other one
		}
		return named(name).orElseThrow();
	}

	/**
	 * Every workspace with how many users it has, by name.
	 */
	public List<Summary> summaries() {
		return this.jdbc.query(
				"select w.id, w.name, (select count(*) from users u where u.workspace_id = w.id) "
						+ "from workspaces w order by w.name",
				(row, i) -> new Summary(row.getLong(1), row.getString(2), row.getLong(3)));
	}

	/**
	 * A new workspace and its first ADMIN, together or not at all.
	 */
	@Transactional
	public Summary create(String name, String adminUsername, String adminPassword) {
		if (named(name).isPresent()) {
			throw new RequestRefused(ErrorCode.CONFLICT, "a workspace named '" + name + "' exists");
		}
		Workspace workspace = namedOrCreated(name);
		this.administration.getObject().create(workspace.id(), adminUsername, adminPassword, null, Set.of(Role.ADMIN));
		return new Summary(workspace.id(), workspace.name(), 1);
	}

	/**
	 * A workspace as the operator lists it.
	 */
	public record Summary(long id, String name, long userCount) {

	}

}
