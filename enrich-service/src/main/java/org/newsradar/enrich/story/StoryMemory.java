package org.newsradar.enrich.story;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@link StoryTagger}'s memory made durable and shared through the {@code stories}
 * index, so that a restart, a redeploy or a second enrich-service instance keeps every
 * story whole.
 * <ul>
 * <li>Before each batch, {@link #catchUpUnlessBusy()} reads what other instances (and
 * this service's earlier runs) wrote since it last looked ({@link OthersWrites}), unless
 * another thread of this instance is reading or writing the memory or a read began less
 * than {@link #FRESH} ago (under load, the read after each write comes every few hundred
 * milliseconds, and each read is a search of the whole window): at the first batch,
 * everything written within {@link StoryTagger#WINDOW}, newest first, up to
 * {@link StoryTagger#CAPACITY} articles; then, for each writer, the writes it counted
 * after the last one read. Articles of one batch find each other in the tagger's
 * heap.</li>
 * <li>After the batch is tagged, {@link #record} writes it and waits for the index to
 * refresh, before the articles are indexed and published. The consumer threads of an
 * instance write together: the batches that wait while one write is under way go in the
 * next one, so a refresh serves them all (each refresh costs tens of milliseconds of a
 * busy node, and one write at a time per batch queued the batches behind it).</li>
 * <li>Two instances tagging two articles of one story at the same moment cannot see each
 * other, so both start a story. Each then reads what others wrote meanwhile: the index
 * has one shard, so every write has its place in one order ({@code _seq_no}), and an
 * article that started a story joins the story of an alike article written before it. The
 * later of the two always sees the earlier one (its refresh made every earlier write
 * visible), the earlier never joins the later, so both articles leave enrich-service with
 * one story id and alert-service raises one alert.</li>
 * <li>Once an hour, a thread of its own deletes the documents written before the window
 * ({@link OldStories}).</li>
 * </ul>
 */
@Component
public class StoryMemory implements InitializingBean, DisposableBean {

	/** The read/write alias of the story memory. */
	public static final String ALIAS = "stories";

	/** How recent a read of the others' writes spares the read before a batch. */
	static final Duration FRESH = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(StoryMemory.class);

	private final ElasticsearchClient client;

	private final IndexSetup setup;

	private final StoryTagger tagger;

	private final Clock clock;

	private final String writer = UUID.randomUUID().toString();

	private final OthersWrites others;

	private final OldStories old;

	private long writes;

	/** Held while reading or writing; one thread writes the batches of all waiting. */
	private final ReentrantLock lock = new ReentrantLock();

	/** Batches waiting to be written. */
	private final Queue<Batch> waiting = new ConcurrentLinkedQueue<>();

	private Instant lastWrite = Instant.EPOCH;

	/** {@link #FRESH}, or another span in tests, in nanoseconds. */
	private final long fresh;

	/** When the last read of the others' writes began ({@link System#nanoTime()}). */
	private volatile long lastRead;

	@Autowired
	public StoryMemory(ElasticsearchClient client, IndexSetup setup, StoryTagger tagger, Clock clock) {
		this(client, setup, tagger, clock, StoryTagger.CAPACITY, FRESH);
	}

	/**
	 * A memory that reads at most {@code capacity} articles at once (the tagger's
	 * capacity; smaller in tests) and spares the read before a batch for {@code fresh}
	 * after a read.
	 */
	StoryMemory(ElasticsearchClient client, IndexSetup setup, StoryTagger tagger, Clock clock, int capacity,
			Duration fresh) {
		this.fresh = fresh.toNanos();
		this.clock = clock;
		this.client = client;
		this.setup = setup;
		this.tagger = tagger;
		this.others = new OthersWrites(client, clock, this.writer, capacity);
		this.old = new OldStories(client, clock);
	}

	@Override
	public void afterPropertiesSet() {
		this.setup.ensure(ALIAS, new ClassPathResource("stories-template.json", StoryMemory.class));
		this.old.start();
	}

	/**
	 * Before a batch is tagged, lets the tagger remember what others wrote since the last
	 * read, unless another thread is reading or writing the memory (that thread reads
	 * what others wrote anyway) or a read began less than {@link #FRESH} ago. Only the
	 * first read, which loads the memory, is waited for. The story of a batch never
	 * depends on this read: {@link #record} reads again after its write.
	 * @throws IOException when Elasticsearch cannot be reached: the batch is retried
	 */
	public void catchUpUnlessBusy() throws IOException {
		if (!this.others.loaded()) {
			this.lock.lock();
		}
		else if (System.nanoTime() - this.lastRead < this.fresh || !this.lock.tryLock()) {
			return;
		}
		try {
			catchUp();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Lets the tagger remember what others wrote since the last call.
	 * @return where each article read stands in the order of writes
	 * @throws IOException when Elasticsearch cannot be reached: the batch is retried
	 */
	public List<Written> catchUp() throws IOException {
		this.lock.lock();
		try {
			return readOthers();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Writes the stories of a tagged batch, then lets every article that started a story
	 * join an alike article that another instance wrote before it; the drafts then carry
	 * the story ids to index and publish. The batches of other threads that wait at the
	 * same time are written in the same request.
	 * @param drafts the batch, tagged
	 * @throws IOException when Elasticsearch cannot be reached: the batch is retried
	 */
	public void record(List<ArticleDraft> drafts) throws IOException {
		if (drafts.isEmpty()) {
			return;
		}
		Batch batch = new Batch(drafts);
		this.waiting.add(batch);
		this.lock.lock();
		try {
			if (!batch.written) {
				List<Batch> together = new ArrayList<>();
				for (Batch next = this.waiting.poll(); next != null; next = this.waiting.poll()) {
					together.add(next);
				}
				try {
					recordTogether(together.stream().flatMap((each) -> each.drafts.stream()).toList());
				}
				catch (IOException | RuntimeException ex) {
					together.forEach((each) -> each.failure = ex);
				}
				together.forEach((each) -> each.written = true);
			}
		}
		finally {
			this.lock.unlock();
		}
		if (batch.failure instanceof IOException ex) {
			throw ex;
		}
		if (batch.failure instanceof RuntimeException ex) {
			throw ex;
		}
	}

	private void recordTogether(List<ArticleDraft> drafts) throws IOException {
		List<ArticleDraft> founders = drafts.stream().filter(this::startsAStory).toList();
		Map<String, Written> mine = write(drafts);
		List<Written> others = readOthers();
		List<ArticleDraft> moved = new ArrayList<>();
		for (ArticleDraft draft : founders) {
			String articleId = draft.received().id();
			Written own = mine.get(articleId);
			List<String> earlier = others.stream()
				.filter((other) -> other.before(own))
				.map(Written::articleId)
				.toList();
			String story = earlier.isEmpty() ? null : this.tagger.storyAmong(articleId, earlier);
			if (story != null && !story.equals(articleId)) {
				List<ArticleDraft> joining = drafts.stream()
					.filter((each) -> articleId.equals(each.storyId()))
					.toList();
				joining.forEach((each) -> each.storyId(story));
				this.tagger.move(joining.stream().map((each) -> each.received().id()).toList(), story);
				moved.addAll(joining);
				logger.info("Story of {} joins story {}, which another instance wrote at the same time", articleId,
						story);
			}
		}
		if (!moved.isEmpty()) {
			write(moved);
		}
		this.tagger.recorded(mine.keySet());
	}

	private List<Written> readOthers() throws IOException {
		this.lastRead = System.nanoTime();
		return this.others.read(this.tagger);
	}

	/**
	 * Deletes the documents written before the window now ({@link OldStories}).
	 * @return how many documents were deleted
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	int forget() throws IOException {
		return this.old.forget();
	}

	@Override
	public void destroy() {
		this.old.stop();
	}

	/**
	 * Whether the article starts a story that no write before this batch's holds: an
	 * article enriched again keeps the story it was published with.
	 */
	private boolean startsAStory(ArticleDraft draft) {
		StoryTagger.Remembered remembered = this.tagger.remembered(draft.received().id());
		return draft.received().id().equals(draft.storyId()) && !remembered.recorded();
	}

	private Map<String, Written> write(List<ArticleDraft> drafts) throws IOException {
		Instant now = this.clock.instant();
		this.lastWrite = now.isAfter(this.lastWrite) ? now : this.lastWrite;
		List<BulkOperation> operations = new ArrayList<>(drafts.size());
		for (ArticleDraft draft : drafts) {
			StoryTagger.Remembered remembered = this.tagger.remembered(draft.received().id());
			StoryDocument document = StoryDocument.of(remembered.fingerprint(), draft.storyId(), this.writer,
					++this.writes, this.lastWrite);
			operations.add(BulkOperation
				.of((operation) -> operation.index((index) -> index.id(document.articleId()).document(document))));
		}
		BulkResponse response = this.client
			.bulk((bulk) -> bulk.index(ALIAS).refresh(Refresh.True).operations(operations));
		Map<String, Written> written = new HashMap<>();
		for (BulkResponseItem item : response.items()) {
			if (item.error() != null) {
				throw new IllegalStateException("Elasticsearch did not keep the story of " + item.id() + ": "
						+ item.error().type() + ": " + item.error().reason());
			}
			written.put(item.id(), new Written(item.id(), item.primaryTerm(), item.seqNo()));
		}
		return written;
	}

	/**
	 * A batch to write, and what became of it: set by whichever thread wrote it, read by
	 * the batch's own thread after it took the lock in turn.
	 */
	private static final class Batch {

		final List<ArticleDraft> drafts;

		boolean written;

		Exception failure;

		Batch(List<ArticleDraft> drafts) {
			this.drafts = drafts;
		}

	}

	/**
	 * Where an article's story document stands in the order of the index's writes.
	 *
	 * @param articleId the article
	 * @param primaryTerm the primary term of the write
	 * @param seqNo its sequence number within that term
	 */
	public record Written(String articleId, Long primaryTerm, Long seqNo) {

		boolean before(Written other) {
			int terms = Long.compare(this.primaryTerm, other.primaryTerm);
			return (terms != 0) ? terms < 0 : this.seqNo < other.seqNo;
		}

	}

}
