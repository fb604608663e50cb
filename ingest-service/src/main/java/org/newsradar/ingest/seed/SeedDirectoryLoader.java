package org.newsradar.ingest.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.newsradar.ingest.IngestProperties;
import org.newsradar.ingest.article.ArticleSubmission;
import org.newsradar.ingest.article.IngestReport;
import org.newsradar.ingest.article.IngestService;
import org.newsradar.ingest.article.SeedFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads every {@code *.txt} file of the configured seed directory once the service is
 * ready.
 */
@Component
class SeedDirectoryLoader {

	private static final Logger logger = LoggerFactory.getLogger(SeedDirectoryLoader.class);

	private final IngestProperties properties;

	private final IngestService ingest;

	SeedDirectoryLoader(IngestProperties properties, IngestService ingest) {
		this.properties = properties;
		this.ingest = ingest;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadConfiguredDirectory() {
		if (this.properties.seedDirectory() != null) {
			load(this.properties.seedDirectory());
		}
	}

	/**
	 * @param directory the seed directory
	 * @return how many files were published as new or updated articles
	 */
	int load(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalStateException(
					"newsradar.ingest.seed-directory " + directory.toAbsolutePath() + " is not a directory");
		}
		int published = 0;
		for (Path file : seedFiles(directory)) {
			SeedFormat.Parsed parsed = SeedFormat.parse(read(file));
			IngestReport report = this.ingest.ingest(new ArticleSubmission(null, "seed:" + file.getFileName(),
					parsed.title(), parsed.body(), null, null));
			if (report.rejected() > 0) {
				logger.warn("Seed {} rejected: {}", file, report.rejections().get(0).errors());
			}
			else if (report.duplicates() == 0) {
				published++;
			}
		}
		logger.info("Loaded seed directory {}: {} articles published", directory, published);
		return published;
	}

	private static List<Path> seedFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".txt")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read seed file " + file, ex);
		}
	}

}
