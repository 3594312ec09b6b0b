package io.switchboard.system;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading page by page returns every row once, in id order, across page boundaries.
 */
@ServerTest
class KeysetPagesIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyRowComesOnceInIdOrderAcrossPages() {
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.clients.newUser().id());
		}
		List<Long> read = new ArrayList<>();
		KeysetPages.readAll(this.jdbc, "select id from users where id >= ? and id > ? order by id limit ?",
				created.get(0), 2, (row) -> read.add(row.getLong(1)));
		assertThat(read).isSorted().doesNotHaveDuplicates().containsAll(created);
	}

}
