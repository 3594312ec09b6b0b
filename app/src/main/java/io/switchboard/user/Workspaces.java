package io.switchboard.user;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.switchboard.system.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The workspaces, by id and by name.
 */
@Service
public class Workspaces {

	private static final RowMapper<Workspace> WORKSPACE = (row, i) -> new Workspace(row.getLong(1), row.getString(2));

	private final JdbcTemplate jdbc;

	Workspaces(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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

	List<Workspace> all() {
		return this.jdbc.query("select id, name from workspaces order by name", WORKSPACE);
	}

}
