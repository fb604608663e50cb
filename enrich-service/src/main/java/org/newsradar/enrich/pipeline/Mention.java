package org.newsradar.enrich.pipeline;

/**
 * Where a tagger found something in {@link ArticleDraft#tokens()}, for the taggers after
 * it that need to know what stands next to what (who made a statement, who said a quote).
 *
 * @param kind what was found
 * @param start index of the first token
 * @param length number of tokens
 * @param value the country code or the person's canonical name
 * @param country the country the mention stands for or belongs to, or {@code null}
 */
public record Mention(Kind kind, int start, int length, String value, String country) {

	public int end() {
		return this.start + this.length;
	}

	public enum Kind {

		COUNTRY, PERSON

	}

}
