package io.switchboard.channel;

import io.switchboard.user.PersonalData;
import tools.jackson.core.JsonGenerator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The export's {@code memberships}: the channels a user belongs to, their role and read
 * marker there.
 */
@Component
class MembershipData implements PersonalData {

	private final JdbcTemplate jdbc;

	MembershipData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "memberships";
	}

	@Override
	public void write(long userId, JsonGenerator out) {
		out.writeStartArray();
		this.jdbc.query("select c.id, c.name, c.type, m.role, m.read_seq, m.joined_at from channel_members m "
				+ "join channels c on c.id = m.channel_id where m.user_id = ? order by c.id", (row) -> {
					out.writeStartObject();
					out.writeNumberProperty("channelId", row.getLong(1));
					out.writeStringProperty("name", row.getString(2));
					out.writeStringProperty("type", row.getString(3));
					out.writeStringProperty("role", row.getString(4));
					out.writeNumberProperty("readSeq", row.getLong(5));
					out.writeStringProperty("joinedAt", row.getTimestamp(6).toInstant().toString());
					out.writeEndObject();
				}, userId);
		out.writeEndArray();
	}

}
