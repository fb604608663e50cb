package org.newsradar.enrich.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsradar.events.TopicTaxonomy;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Where the taggers' data files come from: a directory users edit
 * ({@code newsradar.enrich.data}), file by file, and the bundled files for every file the
 * directory does not have. The taxonomy is {@code topics.json} there, else the one
 * alert-service bundles too.
 */
public final class EnrichData {

	/** The property that names the directory. */
	public static final String PROPERTY = "newsradar.enrich.data";

	private static final EnrichData BUNDLED = new EnrichData(null);

	private final Path directory;

	private EnrichData(Path directory) {
		this.directory = directory;
	}

	/** The files bundled with enrich-service. */
	public static EnrichData bundled() {
		return BUNDLED;
	}

	/**
	 * @param directory a directory of data files, or {@code null} or blank for the
	 * bundled ones alone
	 * @throws IllegalStateException when the directory does not exist
	 */
	public static EnrichData of(String directory) {
		if (directory == null || directory.isBlank()) {
			return BUNDLED;
		}
		Path path = Path.of(directory.strip());
		if (!Files.isDirectory(path)) {
			throw new IllegalStateException(PROPERTY + "=" + directory + " is not a directory");
		}
		return new EnrichData(path);
	}

	/**
	 * A data file by name ("countries.tsv"): the directory's if it has one, else the
	 * bundled one.
	 */
	public Resource file(String name) {
		if (this.directory != null && Files.isRegularFile(this.directory.resolve(name))) {
			return new FileSystemResource(this.directory.resolve(name));
		}
		return new ClassPathResource("data/" + name);
	}

	/** The topic taxonomy: the directory's {@code topics.json}, else the bundled one. */
	public TopicTaxonomy taxonomy() {
		if (this.directory != null && Files.isRegularFile(this.directory.resolve("topics.json"))) {
			Path file = this.directory.resolve("topics.json");
			try {
				return TopicTaxonomy.load(Files.newInputStream(file), file.toString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + file, ex);
			}
		}
		return TopicTaxonomy.bundled();
	}

	@Override
	public String toString() {
		return (this.directory != null) ? this.directory + " (bundled files for the others)" : "the bundled files";
	}

}
