package org.newsradar.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;

/**
 * Articles for tests: made up on the spot, or read from the project's seed files.
 */
public final class Articles {

	/** The project's seed directory, seen from a module directory. */
	public static final Path SEEDS = Path.of("..", "seeds");

	private Articles() {
	}

	/**
	 * The English and the French report of one made-up event, and an English report of
	 * another event between the same countries: names and figures drawn anew on each
	 * call, so that no other article of a shared test cluster belongs to their stories.
	 * @return the English, the French and the other report, published now
	 */
	public static List<ArticleIngested> storyPair() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// Another minister and another operator in each of 4,096 calls in a row: two
		// English reports with one operator are alike enough to be one story.
		int pair = PAIRS.getAndIncrement();
		String minister = NAME_STARTS[pair % 8] + NAME_ENDS[pair / 8 % 8] + NAME_ENDS[pair / 64 % 8]
				+ NAME_ENDS[pair / 512 % 8];
		String company = NAME_STARTS[pair / 512 % 8] + NAME_ENDS[pair / 64 % 8] + NAME_ENDS[pair / 8 % 8]
				+ NAME_ENDS[pair % 8] + "gaz";
		long volume = random.nextLong(1_000_000, 9_000_000);
		long worth = random.nextLong(10_000_000, 90_000_000);
		int until = random.nextInt(2040, 2099);
		int pumps = random.nextInt(100, 999);
		Instant now = Instant.now();
		return List.of(
				published("Kazakhstan and Uzbekistan sign a water deal worth " + worth + " tenge",
						"Astana. Kazakhstan and Uzbekistan signed an agreement on Tuesday to share " + volume
								+ " cubic metres of water from the Syr Darya, foreign minister " + minister
								+ " said. The deal, worth " + worth + " tenge, runs until " + until + ". The operator "
								+ company + " will build " + pumps + " pumping stations.",
						now),
				published("Le Kazakhstan et l'Ouzbékistan signent un accord sur l'eau de " + worth + " tenges",
						"Astana. Le Kazakhstan et l'Ouzbékistan ont signé mardi un accord pour partager " + volume
								+ " mètres cubes d'eau du Syr-Daria, a déclaré le ministre des Affaires étrangères "
								+ minister + ". L'accord, d'une valeur de " + worth + " tenges, court jusqu'en " + until
								+ ".",
						now),
				published("Kazakhstan and Uzbekistan open talks on a railway",
						"Tashkent. Kazakh and Uzbek officials opened talks on Wednesday about a railway line of "
								+ random.nextInt(100, 900) + " kilometres, which builders expect to carry "
								+ random.nextLong(1_000_000, 9_000_000) + " passengers a year from "
								+ random.nextInt(2030, 2039) + ".",
						now));
	}

	private static final AtomicInteger PAIRS = new AtomicInteger(ThreadLocalRandom.current().nextInt(4096));

	private static final String[] NAME_STARTS = { "Ver", "Tal", "Mor", "Quin", "Zar", "Bel", "Dor", "Kest" };

	private static final String[] NAME_ENDS = { "ani", "obek", "ulov", "essa", "imor", "adyr", "enko", "ista" };

	private static ArticleIngested published(String title, String body, Instant at) {
		return new ArticleIngested(ArticleIds.of(null, title, body), null, "test", title, body, at, at, null);
	}

	public static ArticleIngested article(String title, String body) {
		return new ArticleIngested(ArticleIds.of(null, title, body), null, "test", title, body, null,
				Instant.parse("2024-01-15T08:00:00Z"), null);
	}

	/**
	 * A seed file: first line the title, the rest the body, as ingest-service reads it.
	 */
	public static ArticleIngested seed(String prefix) {
		try (var files = Files.list(SEEDS)) {
			Path file = files.filter((f) -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
			String text = Files.readString(file, StandardCharsets.UTF_8).strip();
			int end = text.indexOf('\n');
			return article(text.substring(0, end).strip(), text.substring(end + 1).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
