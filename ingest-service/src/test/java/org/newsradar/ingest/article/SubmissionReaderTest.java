package org.newsradar.ingest.article;

import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.newsradar.ingest.IngestProperties;
import org.newsradar.ingest.article.SubmissionReader.Checked;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionReaderTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SubmissionReader reader = new SubmissionReader(
			new IngestProperties(DataSize.ofMegabytes(1), 3, 50, 200, (Path) null), this.meters);

	@Test
	void readsOneArticleWithEveryField() {
		List<Checked> checked = read("""
				{"url":"https://example.org/a","source":"Example","title":"T","body":"B",
				 "published_at":"2024-01-15T08:20:00Z","language":"en"}""");
		assertThat(checked).singleElement().satisfies((article) -> {
			assertThat(article.valid()).isTrue();
			assertThat(article.submission().publishedAt()).hasToString("2024-01-15T08:20:00Z");
			assertThat(article.submission().language()).isEqualTo("en");
		});
	}

	@Test
	void keepsTheValidArticlesOfAMixedBatchAndSaysWhatIsWrongWithTheOthers() {
		List<Checked> checked = read("""
				[{"title":"Fine"}, {"source":"no text"}, {"body":"Also fine", "published_at":"yesterday"}]""");
		assertThat(checked).extracting(Checked::valid).containsExactly(true, false, false);
		assertThat(checked.get(1).errors()).containsExactly("an article needs a title or a body");
		assertThat(checked.get(2).errors()).singleElement().asString().startsWith("published_at 'yesterday'");
	}

	@Test
	void blankTitleAndBodyAreMissingToo() {
		assertThat(read("{\"title\":\"  \",\"body\":\"\"}").get(0).errors())
			.containsExactly("an article needs a title or a body");
	}

	@Test
	void namesFieldsOfTheWrongTypeAndUnknownFields() {
		assertThat(read("{\"title\":42,\"body\":\"B\",\"colour\":\"red\"}").get(0).errors())
			.anySatisfy((error) -> assertThat(error).isEqualTo("title must be a string, not number"))
			.anySatisfy((error) -> assertThat(error).startsWith("unknown field 'colour'"));
	}

	@Test
	void rejectsBinaryContentBadUrlsBadLanguagesAndOversizedText() {
		assertThat(read("{\"title\":\"T\",\"body\":\"\\u0000\\u0001PK\\u0003\\u0004\"}").get(0).errors())
			.containsExactly("body is binary data, not an article: it holds NUL characters");
		assertThat(read("{\"title\":\"T\",\"body\":\"" + "PK\\u0003\\u0004\\u0014".repeat(4) + "\"}").get(0).errors())
			.containsExactly("body is binary data, not an article: 12 of its 20 characters are control characters");
		assertThat(read("{\"title\":\"T\",\"url\":\"ftp://example.org/x\",\"language\":\"English\"}").get(0).errors())
			.containsExactly("url 'ftp://example.org/x' is not an absolute http or https URL",
					"language 'English' is not a lowercase ISO 639-1 code such as 'en'");
		assertThat(read("{\"title\":\"" + "x".repeat(51) + "\"}").get(0).errors())
			.containsExactly("title is 51 characters long; at most 50 are allowed");
	}

	@Test
	void removesStrayControlCharactersAndCountsThem() {
		Checked checked = read(
				"{\"title\":\"Grain\\u007f exports\",\"body\":\"Line one\\nline\\u0085 two\\tend\\u0007\"}")
			.get(0);
		assertThat(checked.errors()).isEmpty();
		assertThat(checked.submission().title()).isEqualTo("Grain exports");
		assertThat(checked.submission().body()).isEqualTo("Line one\nline two\tend");
		assertThat(this.meters.counter("newsradar.ingest.control.characters.removed").count()).isEqualTo(3);
	}

	@Test
	void refusesWholeRequestsThatAreNotArticles() {
		assertThatThrownBy(() -> read("[]")).isInstanceOf(InvalidRequestException.class)
			.hasMessage("The array holds no article.");
		assertThatThrownBy(() -> read("[{},{},{},{}]")).isInstanceOf(InvalidRequestException.class)
			.hasMessage("The array holds 4 articles; at most 3 are taken in one request.");
		assertThatThrownBy(() -> read("\"text\"")).isInstanceOf(InvalidRequestException.class)
			.hasMessage("Expected an article object or an array of them, got a JSON string.");
	}

	@Test
	void anArrayElementThatIsNoObjectIsRejectedAlone() {
		List<Checked> checked = read("[{\"title\":\"T\"}, 7]");
		assertThat(checked).extracting(Checked::valid).containsExactly(true, false);
		assertThat(checked.get(1).errors()).containsExactly("an article must be a JSON object");
	}

	private List<Checked> read(String body) {
		return this.reader.read(this.json.readTree(body));
	}

}
