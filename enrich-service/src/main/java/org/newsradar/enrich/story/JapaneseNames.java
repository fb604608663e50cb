package org.newsradar.enrich.story;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.ja.dict.ToStringUtil;

/**
 * The proper names of a Japanese text in Latin letters: Kuromoji (Lucene's Japanese
 * morphological analyser, with the IPADIC dictionary) finds the proper nouns and reads
 * them, so that 岸田 gives "kishida" and 表参道 gives "omotesandou", which key like the
 * English "Kishida" and "Omotesando".
 */
final class JapaneseNames {

	/** IPADIC's part of speech for proper nouns. */
	private static final String PROPER_NOUN = "名詞-固有名詞";

	/** Country names are features already, as countries. */
	private static final String COUNTRY = "名詞-固有名詞-地域-国";

	private JapaneseNames() {
	}

	static Set<String> of(String text) {
		Set<String> names = new HashSet<>();
		try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL)) {
			PartOfSpeechAttribute partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);
			ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
			tokenizer.setReader(new StringReader(text));
			tokenizer.reset();
			while (tokenizer.incrementToken()) {
				String pos = partOfSpeech.getPartOfSpeech();
				if (pos != null && pos.startsWith(PROPER_NOUN) && !pos.startsWith(COUNTRY)
						&& reading.getReading() != null) {
					names.add(ToStringUtil.getRomanization(reading.getReading()));
				}
			}
			tokenizer.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

}
