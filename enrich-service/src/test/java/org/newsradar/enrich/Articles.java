package org.newsradar.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

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
