package io.switchboard.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a declared type is kept as, and which are shown inline.
 */
class ContentTypesTests {

	@Test
	void onlySafeRasterImagesAreShownInline() {
		assertThat(ContentTypes.declared("IMAGE/PNG; name=cat")).isEqualTo("image/png");
		assertThat(ContentTypes.isShownInline("image/png")).isTrue();
		assertThat(ContentTypes.isShownInline("image/webp")).isTrue();
		assertThat(ContentTypes.isShownInline(ContentTypes.declared("image/svg+xml"))).isFalse();
		assertThat(ContentTypes.isShownInline(ContentTypes.declared("text/html"))).isFalse();
		assertThat(ContentTypes.declared(null)).isEqualTo("application/octet-stream");
		assertThat(ContentTypes.declared("not a type")).isEqualTo("application/octet-stream");
		assertThat(ContentTypes.declared("*/*")).isEqualTo("application/octet-stream");
	}

}
