package io.switchboard.broker;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;

/**
 * The RECEIPT for a SEND, in one place for every {@code @MessageMapping}: it goes out
 * when the handler's result is there, which for a change is its future completing after
 * commit. A handler that fails, now or later, gets an error event instead
 * ({@link StompErrorHandler}). Handlers never return {@code void}
 * ({@link HandlersAnswerEverySend} checks), so no SEND goes unconfirmed.
 */
final class ReceiptOnCompletion implements HandlerMethodReturnValueHandler {

	private final StompReceipts receipts;

	ReceiptOnCompletion(StompReceipts receipts) {
		this.receipts = receipts;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return true;
	}

	@Override
	public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType, Message<?> message) {
		this.receipts.confirm(message);
	}

}
