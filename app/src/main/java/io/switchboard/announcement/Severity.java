package io.switchboard.announcement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

enum Severity {

	INFO, WARNING, CRITICAL;

	@JsonValue
	String wireName() {
		return WireNames.of(this);
	}

	@JsonCreator
	static Severity fromWireName(String name) {
		return WireNames.parse(Severity.class, name);
	}

}
