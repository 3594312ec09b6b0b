/**
 * What a run needs on the server before it can measure: users, their tokens, a channel.
 */
@NullMarked
package io.switchboard.bench.setup;

import org.jspecify.annotations.NullMarked;
