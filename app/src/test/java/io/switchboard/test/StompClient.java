package io.switchboard.test;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.util.MimeTypeUtils;

/**
 * A connected STOMP session as a test drives it: subscribe (and wait until the broker has
 * the subscription), send JSON, wait for receipts.
 */
public final class StompClient implements AutoCloseable {

	private static final AtomicInteger receipts = new AtomicInteger();

	private final StompSession session;

	private final JsonMapper json;

	StompClient(StompSession session, JsonMapper json) {
		this.session = session;
		this.json = json;
	}

	public StompSession session() {
		return this.session;
	}

	public boolean isConnected() {
		return this.session.isConnected();
	}

	/**
	 * Subscribes and returns once the broker has confirmed the subscription, so nothing
	 * published afterwards can be missed.
	 */
	public Inbox subscribe(String destination) {
		PendingSubscription pending = trySubscribe(destination);
		await(pending.confirmed());
		return pending.inbox();
	}

	/**
	 * Subscribes without waiting: the receipt comes only if the server let the SUBSCRIBE
	 * through to the broker.
	 */
	public PendingSubscription trySubscribe(String destination) {
		return trySubscribe(destination, Map.of());
	}

	/**
	 * Subscribes with extra headers and waits for the subscription's RECEIPT.
	 */
	public Inbox subscribe(String destination, Map<String, String> extraHeaders) {
		PendingSubscription pending = trySubscribe(destination, extraHeaders);
		await(pending.confirmed());
		return pending.inbox();
	}

	public PendingSubscription trySubscribe(String destination, Map<String, String> extraHeaders) {
		Inbox inbox = new Inbox(destination);
		StompHeaders headers = new StompHeaders();
		extraHeaders.forEach(headers::add);
		headers.setDestination(destination);
		headers.setReceipt(nextReceiptId());
		CompletableFuture<Void> confirmed = new CompletableFuture<>();
		StompSession.Subscription subscription = this.session.subscribe(headers, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders frameHeaders) {
				return byte[].class;
			}

			@Override
			public void handleFrame(StompHeaders frameHeaders, Object payload) {
				inbox.add(StompClient.this.json.readTree((byte[]) payload));
			}

		});
		subscription.addReceiptTask(() -> confirmed.complete(null));
		subscription.addReceiptLostTask(() -> confirmed.completeExceptionally(new AssertionError("no receipt")));
		return new PendingSubscription(inbox, confirmed);
	}

	public record PendingSubscription(Inbox inbox, CompletableFuture<Void> confirmed) {

	}

	/**
	 * Sends without asking for a receipt.
	 */
	public void send(String destination, Object payload) {
		this.session.send(headers(destination, null), body(payload));
	}

	/**
	 * Sends asking for a receipt; the future completes when the RECEIPT arrives and fails
	 * if none comes within the client's receipt time limit.
	 */
	public CompletableFuture<String> sendWithReceipt(String destination, Object payload, String receiptId) {
		CompletableFuture<String> receipt = new CompletableFuture<>();
		StompSession.Receiptable sent = this.session.send(headers(destination, receiptId), body(payload));
		sent.addReceiptTask(() -> receipt.complete(receiptId));
		sent.addReceiptLostTask(() -> receipt.completeExceptionally(new AssertionError("no receipt " + receiptId)));
		return receipt;
	}

	public String sendAndAwaitReceipt(String destination, Object payload) {
		return await(sendWithReceipt(destination, payload, nextReceiptId()));
	}

	public static String nextReceiptId() {
		return "r-" + receipts.incrementAndGet();
	}

	private StompHeaders headers(String destination, String receiptId) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		if (receiptId != null) {
			headers.setReceipt(receiptId);
		}
		return headers;
	}

	private byte[] body(Object payload) {
		return (payload instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
				: this.json.writeValueAsBytes(payload);
	}

	public static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(Inbox.WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new AssertionError(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new AssertionError("timed out", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

}
