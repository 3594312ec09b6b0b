package io.switchboard.broker;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The broker address through which systems outside publish to Switchboard, under
 * {@code switchboard.broker.inbound}.
 *
 * @param enabled consume the address
 * @param address where publishers send; an anycast queue of the same name holds what they
 * sent until a node has handled it
 * @param deadLetterAddress where a message that cannot be handled goes, with a
 * {@code reason} property; a queue of the same name keeps it
 * @param login the publishers' login on the embedded broker, which may send to
 * {@code address} and do nothing else; none means no publisher may log in. An external
 * broker has its own users.
 * @param passcode the publishers' passcode on the embedded broker
 */
@ConfigurationProperties("switchboard.broker.inbound")
public record InboundSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("switchboard.inbound.notifications") String address,
		@DefaultValue("switchboard.inbound.notifications.dead") String deadLetterAddress, @Nullable String login,
		@Nullable String passcode) {

	boolean hasPublisher() {
		return this.login != null && !this.login.isBlank() && this.passcode != null && !this.passcode.isBlank();
	}

	@Override
	public String toString() {
		return "InboundSettings[enabled=" + this.enabled + ", address=" + this.address + ", deadLetterAddress="
				+ this.deadLetterAddress + ", login=" + this.login + ", passcode=<hidden>]";
	}

}
