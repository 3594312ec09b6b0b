package io.switchboard.message;

import io.switchboard.system.PageSize;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

	static final int MAX_PAGE = 50;

	static final int DEFAULT_PAGE = 20;

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	/**
	 * {@code ?q=&channelId=&before=&limit=}: messages I may read now, best first.
	 */
	@GetMapping("/api/search")
	MessageSearch.SearchPage search(@AuthenticationPrincipal CurrentUser me, @RequestParam String q,
			@RequestParam @Nullable Long channelId, @RequestParam @Nullable Long before,
			@RequestParam @Nullable Integer limit) {
		return this.search.search(me, q, channelId, before, PageSize.of(limit, DEFAULT_PAGE, MAX_PAGE));
	}

}
