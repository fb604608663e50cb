package org.newsradar.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation command over a tiny labelled fixture of our own
 * ({@code src/test/resources/eval}): the figures it writes are the ones the fixture's
 * labels give, so a change that breaks reading, scoring or writing shows here.
 */
class EvaluationCommandTest {

	private static final Path FIXTURE = Path.of("src", "test", "resources", "eval");

	@Test
	void scoresEveryFieldTheLabelsHaveAndWritesTheFiles(@TempDir Path out) throws Exception {
		assertThat(EvaluationCommand.run(List.of(FIXTURE), out)).isTrue();
		JsonNode report = JsonMapper.builder().build().readTree(out.resolve("eval-report.json").toFile());
		assertThat(report.path("articles").asInt()).isEqualTo(7);
		assertThat(report.path("problems").toString()).contains("line 4: skipped, not JSON");

		JsonNode countries = row(report, "countries/tiny", "all", "countries");
		assertThat(countries.path("articles").asInt()).isEqualTo(4);
		assertThat(countries.path("recall").asDouble()).as("t5's dateline places it").isEqualTo(0.8);
		assertThat(countries.path("precision").asDouble()).isEqualTo(1.0);
		assertThat(row(report, "countries/tiny", "fr", "countries").path("recall").asDouble()).isEqualTo(0.0);
		assertThat(row(report, "countries/tiny", "supported", "language").path("exact").asDouble()).isEqualTo(1.0);

		JsonNode stories = row(report, "stories", "all", "story");
		assertThat(stories.path("precision").asDouble()).isEqualTo(1.0);
		assertThat(stories.path("recall").asDouble()).isEqualTo(1.0);

		assertThat(Files.readString(out.resolve("eval-report.md")))
			.contains("| countries/tiny | all | countries | 4 | 1.000 | 0.800 | 0.889 |");
		assertThat(Files.readAllLines(out.resolve("eval-misses.jsonl")))
			.anySatisfy((line) -> assertThat(line).contains("\"t3\"").contains("\"FR\""));
	}

	private static JsonNode row(JsonNode report, String dataset, String language, String field) {
		for (JsonNode row : report.path("rows")) {
			if (Map.of("dataset", dataset, "language", language, "field", field)
				.entrySet()
				.stream()
				.allMatch((entry) -> row.path(entry.getKey()).asString().equals(entry.getValue()))) {
				return row;
			}
		}
		throw new AssertionError("no row " + dataset + "/" + language + "/" + field + " in " + report.path("rows"));
	}

}
