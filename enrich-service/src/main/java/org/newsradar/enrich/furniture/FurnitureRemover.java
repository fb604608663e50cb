package org.newsradar.enrich.furniture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;

import org.springframework.core.io.Resource;

/**
 * Cleans title and body of page furniture. Works on lines, because furniture comes in
 * lines and blocks.
 */
public class FurnitureRemover implements Tagger {

	/**
	 * Markers only count past this share of the text: a "Related" at the top is a menu.
	 */
	private static final double MARKER_MIN_POSITION = 0.25;

	private static final Pattern META_LINE = Pattern.compile(
			"(?i)^(by|author|published|updated|posted|photo|image|source|credit|caption|foto|par|publié le)\\s*[:|].*"
					+ "|^\\d+\\s*(min|minute|minutes)\\s*read$|^(author|home|share|print|email)$|.*\\bphoto\\s*:\\s*\\S+.*");

	private static final int META_LINE_MAX_LENGTH = 100;

	private static final Pattern BLANK_RUN = Pattern.compile("\n{3,}");

	private final PhraseIndex<Boolean> markers;

	public FurnitureRemover() {
		this(EnrichData.bundled());
	}

	public FurnitureRemover(EnrichData data) {
		this(data.file("furniture.txt"));
	}

	FurnitureRemover(Resource markerFile) {
		this.markers = loadMarkers(markerFile);
	}

	@Override
	public void tag(ArticleDraft article) {
		List<String> lines = new ArrayList<>(article.body().lines().map(String::strip).toList());
		String title = repairTitle(article.title().strip(), lines);
		cutAtFirstMarker(lines);
		lines.removeIf((line) -> line.equals(title) || isMetaLine(line) || isMarker(line));
		article.clean(title, join(lines));
	}

	/**
	 * A title that is a breadcrumb ("Home China China, Kazakhstan issue ...") or a
	 * section name ("China") gives way to the headline that opens the body.
	 */
	private static String repairTitle(String title, List<String> lines) {
		String headline = lines.stream().filter((line) -> !line.isEmpty()).findFirst().orElse("");
		boolean breadcrumb = !headline.isEmpty() && headline.length() < title.length() && title.endsWith(headline);
		boolean sectionName = words(title) <= 2 && words(headline) >= 3 && words(headline) <= 30
				&& !headline.endsWith(".");
		if (breadcrumb || sectionName || title.isEmpty()) {
			lines.remove(headline);
			return headline;
		}
		return title;
	}

	private void cutAtFirstMarker(List<String> lines) {
		int total = lines.stream().mapToInt((line) -> line.length() + 1).sum();
		int offset = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (offset >= total * MARKER_MIN_POSITION && isMarker(lines.get(i))) {
				lines.subList(i, lines.size()).clear();
				return;
			}
			offset += lines.get(i).length() + 1;
		}
	}

	private boolean isMarker(String line) {
		if (line.isEmpty() || line.length() > 60) {
			return false;
		}
		Tokens tokens = Tokens.of(line);
		return tokens.size() > 0 && this.markers.find(tokens)
			.stream()
			.anyMatch(
					(match) -> match.start() == 0 && (match.length() == tokens.size() || match.phrase().endsWith("*")));
	}

	private static boolean isMetaLine(String line) {
		return line.length() <= META_LINE_MAX_LENGTH && META_LINE.matcher(line).matches();
	}

	private static String join(List<String> lines) {
		return BLANK_RUN.matcher(String.join("\n", lines)).replaceAll("\n\n").strip();
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	private static PhraseIndex<Boolean> loadMarkers(Resource file) {
		PhraseIndex<Boolean> index = new PhraseIndex<>();
		DataFile.read(file).forEach((line) -> index.add(line.columns()[0].strip(), false, Boolean.TRUE));
		return index;
	}

}
