package io.switchboard.channel;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores the channel enums by their lower-case wire names, so the database reads like the
 * API.
 */
final class WireNameConverters {

	private WireNameConverters() {
	}

	@Converter(autoApply = true)
	static class ChannelTypeConverter implements AttributeConverter<ChannelType, String> {

		@Override
		public String convertToDatabaseColumn(ChannelType type) {
			return type.wireName();
		}

		@Override
		public ChannelType convertToEntityAttribute(String name) {
			return ChannelType.valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

	@Converter(autoApply = true)
	static class MemberRoleConverter implements AttributeConverter<MemberRole, String> {

		@Override
		public String convertToDatabaseColumn(MemberRole role) {
			return role.wireName();
		}

		@Override
		public MemberRole convertToEntityAttribute(String name) {
			return MemberRole.valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

}
