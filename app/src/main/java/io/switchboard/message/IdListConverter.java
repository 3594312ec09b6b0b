package io.switchboard.message;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a short list of ids as comma-separated text: mentions are few, always read with
 * their message and never queried on their own.
 */
@Converter
class IdListConverter implements AttributeConverter<List<Long>, String> {

	@Override
	public String convertToDatabaseColumn(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	@Override
	public List<Long> convertToEntityAttribute(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
	}

}
