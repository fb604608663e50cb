package org.newsradar.enrich.story;

import java.time.Instant;
import java.util.Set;

/**
 * An article in the {@code stories} index: its fingerprint, its story and who wrote it
 * when.
 *
 * @param articleId the article (also the document id)
 * @param storyId its story
 * @param time when it was published, else taken in
 * @param language its language
 * @param features its story features
 * @param wordHashes the hash codes of its content words
 * @param words its content words themselves, as documents written before their hash codes
 * were kept had them: read, never written
 * @param writer the {@link StoryMemory} that wrote it (one per enrich-service run)
 * @param seq that writer's count of its writes, so that others can ask for what it wrote
 * since they last looked
 * @param writtenAt when it was written, by the writer's clock
 */
record StoryDocument(String articleId, String storyId, Instant time, String language, Set<String> features,
		int[] wordHashes, Set<String> words, String writer, long seq, Instant writtenAt) {

	static StoryDocument of(StoryFingerprint fingerprint, String storyId, String writer, long seq, Instant writtenAt) {
		return new StoryDocument(fingerprint.articleId(), storyId, fingerprint.time(), fingerprint.language(),
				fingerprint.features(), fingerprint.words(), null, writer, seq, writtenAt);
	}

	StoryFingerprint fingerprint() {
		return new StoryFingerprint(this.articleId, this.time, this.language,
				(this.features != null) ? Set.copyOf(this.features) : Set.of(), (this.wordHashes != null)
						? this.wordHashes : StoryFingerprint.hashes((this.words != null) ? this.words : Set.of()));
	}

}
