package org.newsradar.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body kept in memory up to a limit; a larger one is cut off and fails
 * ({@link TooLarge}).
 */
final class BoundedBody implements BodySubscriber<byte[]> {

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final long declared;

	private final long limit;

	private Flow.Subscription subscription;

	BoundedBody(long declared, long limit) {
		this.declared = declared;
		this.limit = limit;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.declared > this.limit) {
			subscription.cancel();
			this.result.completeExceptionally(new TooLarge(this.limit));
		}
		else {
			subscription.request(Long.MAX_VALUE);
		}
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		for (ByteBuffer item : items) {
			if (this.buffer.size() + item.remaining() > this.limit) {
				this.subscription.cancel();
				this.result.completeExceptionally(new TooLarge(this.limit));
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			this.buffer.writeBytes(bytes);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.buffer.toByteArray());
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	/** Why a body was refused: it is larger than the limit. */
	static final class TooLarge extends IOException {

		final long limit;

		TooLarge(long limit) {
			super("larger than " + limit + " bytes");
			this.limit = limit;
		}

	}

}
