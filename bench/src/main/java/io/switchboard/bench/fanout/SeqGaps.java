package io.switchboard.bench.fanout;

import java.util.List;

/**
 * What subscribers missed or got out of order, over a whole run.
 *
 * @param missing sequence numbers skipped, summed over subscribers
 * @param outOfOrder events that arrived after a later one, summed over subscribers
 * @param subscribers how many subscribers had any gap
 * @param worst the most gaps one subscriber had
 * @param undelivered events still on their way when the drain gave up: late, or lost
 */
record SeqGaps(long missing, long outOfOrder, int subscribers, long worst, long undelivered) {

	static SeqGaps of(List<ChannelSubscriber> subscribers, long finalSeq) {
		long missing = 0;
		long outOfOrder = 0;
		int affected = 0;
		long worst = 0;
		long undelivered = 0;
		for (ChannelSubscriber subscriber : subscribers) {
			long own = subscriber.missing() + subscriber.outOfOrder();
			missing += subscriber.missing();
			outOfOrder += subscriber.outOfOrder();
			affected += (own > 0) ? 1 : 0;
			worst = Math.max(worst, own);
			undelivered += subscriber.behind(finalSeq);
		}
		return new SeqGaps(missing, outOfOrder, affected, worst, undelivered);
	}

	long total() {
		return this.missing + this.outOfOrder;
	}

}
