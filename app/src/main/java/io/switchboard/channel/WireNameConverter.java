package io.switchboard.channel;

import io.switchboard.system.WireNames;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores the channel enums by their wire names, so the database reads like the API.
 */
abstract class WireNameConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

	private final Class<E> type;

	WireNameConverter(Class<E> type) {
		this.type = type;
	}

	@Override
	public String convertToDatabaseColumn(E constant) {
		return WireNames.of(constant);
	}

	@Override
	public E convertToEntityAttribute(String wireName) {
		return WireNames.parse(this.type, wireName);
	}

	@Converter(autoApply = true)
	static class ChannelTypeConverter extends WireNameConverter<ChannelType> {

		ChannelTypeConverter() {
			super(ChannelType.class);
		}

	}

	@Converter(autoApply = true)
	static class MemberRoleConverter extends WireNameConverter<MemberRole> {

		MemberRoleConverter() {
			super(MemberRole.class);
		}

	}

	@Converter(autoApply = true)
	static class NotificationLevelConverter extends WireNameConverter<NotificationLevel> {

		NotificationLevelConverter() {
			super(NotificationLevel.class);
		}

	}

}
