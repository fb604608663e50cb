package org.newsradar.ingest.article;

/**
 * The seed-file format: the first non-blank line is the title, everything after it the
 * body.
 */
public final class SeedFormat {

	private SeedFormat() {
	}

	public static Parsed parse(String text) {
		String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
		int end = normalised.indexOf('\n');
		if (end < 0) {
			return new Parsed(normalised, "");
		}
		return new Parsed(normalised.substring(0, end).strip(), normalised.substring(end + 1).strip());
	}

	/**
	 * @param title the first non-blank line
	 * @param body the rest, trimmed
	 */
	public record Parsed(String title, String body) {

	}

}
