package org.newsradar.enrich.language;

import java.util.Locale;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets the article's ISO 639-1 language from its text.
 */
@Component
@Order(200)
public class LanguageTagger implements Tagger {

	/** Enough text to decide; more only costs time. */
	private static final int SAMPLE_LENGTH = 2000;

	/** Below this many letters the source's hint, when there is one, is trusted more. */
	private static final int SHORT_TEXT = 40;

	private final LanguageDetector detector = LanguageDetectorBuilder.fromAllSpokenLanguages()
		.withPreloadedLanguageModels()
		.build();

	@Override
	public void tag(ArticleDraft article) {
		String text = article.text();
		String hint = article.received().language();
		if (hint != null && letters(text) < SHORT_TEXT) {
			article.language(hint);
			return;
		}
		article.language(detect(text.length() > SAMPLE_LENGTH ? text.substring(0, SAMPLE_LENGTH) : text));
	}

	/**
	 * The ISO 639-1 code of the text's language, or {@code und} when it cannot be told.
	 */
	public String detect(String text) {
		Language language = this.detector.detectLanguageOf(text);
		return (language == Language.UNKNOWN) ? "und" : language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
	}

	/** Whether {@code code} (ISO 639-1) is a language this tagger can name. */
	public boolean supports(String code) {
		return Language.all()
			.stream()
			.anyMatch((language) -> language.getIsoCode639_1().toString().equalsIgnoreCase(code));
	}

	private static int letters(String text) {
		int count = 0;
		for (int i = 0; i < text.length() && count < SHORT_TEXT; i++) {
			if (Character.isLetter(text.charAt(i))) {
				count++;
			}
		}
		return count;
	}

}
