package io.switchboard.attachment;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What a client says an upload is, and how it is served: only raster images a browser
 * cannot run script in are shown inline; everything else, HTML and SVG included, is a
 * download of opaque bytes.
 */
final class ContentTypes {

	static final String OPAQUE = MediaType.APPLICATION_OCTET_STREAM_VALUE;

	private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private static final int MAX_LENGTH = 255;

	private ContentTypes() {
	}

	/**
	 * The declared type without its parameters, or {@link #OPAQUE} if there is none that
	 * makes sense.
	 */
	static String declared(@Nullable String contentType) {
		if (contentType == null || contentType.length() > MAX_LENGTH) {
			return OPAQUE;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				return OPAQUE;
			}
			return type.getType() + "/" + type.getSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return OPAQUE;
		}
	}

	static boolean isShownInline(String contentType) {
		return INLINE.contains(contentType);
	}

	/**
	 * The type a download is served as.
	 */
	static MediaType servedAs(String contentType) {
		return isShownInline(contentType) ? MediaType.parseMediaType(contentType) : MediaType.APPLICATION_OCTET_STREAM;
	}

}
