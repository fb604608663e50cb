package org.newsradar.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of error a service answers, on a real Tomcat, is
 * {@code application/problem+json} that says what was wrong.
 */
@SpringBootTest(classes = ProblemResponsesTest.Service.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemResponsesTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	private int port;

	@Test
	void aMissingThingIsA404ThatNamesIt() throws Exception {
		JsonNode problem = problem(send("GET", "/api/things/tea", null), 404);
		assertThat(problem.get("detail").asString()).isEqualTo("No thing with id 'tea'");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/things/tea");
	}

	@Test
	void aBodyThatIsNotJsonSaysWhy() throws Exception {
		JsonNode problem = problem(send("POST", "/api/things", "{bad"), 400);
		assertThat(problem.get("title").asString()).isEqualTo("Malformed request body");
		assertThat(problem.get("detail").asString()).startsWith("The body is not valid JSON of the expected shape: ")
			.contains("Unexpected character ('b'");
		assertThat(problem(send("POST", "/api/things", "[1]"), 400).get("detail").asString()).contains("Thing")
			.doesNotContain("org.newsradar");
	}

	@Test
	void aParameterOfTheWrongTypeAnUnknownPathAndAWrongMethodAreProblems() throws Exception {
		assertThat(problem(send("GET", "/api/size?size=abc", null), 400).get("detail").asString()).contains("size");
		problem(send("GET", "/api/nowhere", null), 404);
		problem(send("DELETE", "/api/things/tea", null), 405);
	}

	@Test
	void anUnexpectedFailureIsA500ThatTellsNothingInternal() throws Exception {
		HttpResponse<String> response = send("GET", "/api/boom", null);
		JsonNode problem = problem(response, 500);
		assertThat(response.body()).doesNotContain("database password").doesNotContain("IllegalStateException");
		assertThat(problem.get("detail").asString())
			.isEqualTo("The request failed on the server; the failure was logged.");
	}

	@Test
	void pathsTomcatRefusesBeforeTheServiceAreProblemsNotHtml() throws Exception {
		for (String path : new String[] { "/api/%00", "/api/..%2Fthings", "/api/things/%2e%2e%2f" }) {
			HttpResponse<String> response = send("GET", path, null);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).as(path).doesNotContain("<html").doesNotContain("Tomcat");
			assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(400);
		}
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Things.class)
	static class Service {

	}

	@RestController
	static class Things {

		@GetMapping("/api/things/{id}")
		Thing get(@PathVariable String id) {
			throw new NotFoundException("thing", id);
		}

		@PostMapping("/api/things")
		Thing add(@RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/api/size")
		int size(@RequestParam int size) {
			return size;
		}

		@GetMapping("/api/boom")
		Thing boom() {
			throw new IllegalStateException("database password is hunter2");
		}

	}

	record Thing(String name) {

	}

}
