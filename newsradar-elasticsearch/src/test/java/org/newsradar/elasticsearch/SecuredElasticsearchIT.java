package org.newsradar.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsradar.engines.TestEngines;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against an Elasticsearch that wants HTTPS and credentials, as production
 * clusters do. The minimal node of the tests has no security module, so it sits behind a
 * gate that does what Elasticsearch security does at the door: TLS with a certificate of
 * its own CA, {@code 401} with a {@code WWW-Authenticate: Basic} challenge without valid
 * credentials (a user and password, or an API key), and otherwise the real node's answer.
 */
class SecuredElasticsearchIT {

	private static final String USER = "newsradar";

	private static final String PASSWORD = "s3cret-" + System.nanoTime();

	private static final String API_KEY = Base64.getEncoder().encodeToString("id:key".getBytes());

	private static final AtomicInteger authenticated = new AtomicInteger();

	@TempDir
	static Path certificates;

	private static HttpsServer gate;

	private static Path ca;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ElasticsearchAutoConfiguration.class))
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withPropertyValues("newsradar.elasticsearch.uris=https://localhost:" + gate.getAddress().getPort());

	@BeforeAll
	static void startGate() throws Exception {
		Path keyStore = certificates.resolve("gate.p12");
		ca = certificates.resolve("ca.pem");
		keytool("-genkeypair", "-alias", "gate", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", "changeit");
		keytool("-exportcert", "-rfc", "-alias", "gate", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
				"-storepass", "changeit", "-file", ca.toString());
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, "changeit".toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), null, null);
		gate = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
		gate.setHttpsConfigurator(new HttpsConfigurator(tls));
		gate.createContext("/", SecuredElasticsearchIT::pass);
		gate.start();
	}

	@AfterAll
	static void stopGate() {
		gate.stop(0);
	}

	@Test
	void withUserPasswordAndTheClusterCaTheIndicesAreSetUpAndHealthIsUp() {
		this.contexts
			.withPropertyValues("newsradar.elasticsearch.username=" + USER,
					"newsradar.elasticsearch.password=" + PASSWORD, "newsradar.elasticsearch.ca-certificate=" + ca)
			.run((context) -> {
				int before = authenticated.get();
				context.getBean(IndexSetup.class).ensureArticles();
				Health health = context.getBean(ElasticsearchHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsKey("cluster");
				assertThat(authenticated.get()).isGreaterThan(before);
				assertThat(context.getBean(ElasticsearchProperties.class).toString()).doesNotContain(PASSWORD);
			});
	}

	@Test
	void anApiKeyIsEnoughToo() {
		this.contexts
			.withPropertyValues("newsradar.elasticsearch.api-key=" + API_KEY,
					"newsradar.elasticsearch.ca-certificate=" + ca)
			.run((context) -> assertThat(context.getBean(ElasticsearchHealthIndicator.class).health(true).getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void aWrongPasswordIsRefusedAndReportedDown() {
		this.contexts
			.withPropertyValues("newsradar.elasticsearch.username=" + USER, "newsradar.elasticsearch.password=wrong",
					"newsradar.elasticsearch.ca-certificate=" + ca)
			.run((context) -> {
				Health health = context.getBean(ElasticsearchHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error").toString()).contains("401");
			});
	}

	@Test
	void withoutTheCaTheCertificateIsNotTrusted() {
		this.contexts
			.withPropertyValues("newsradar.elasticsearch.username=" + USER,
					"newsradar.elasticsearch.password=" + PASSWORD)
			.run((context) -> {
				Health health = context.getBean(ElasticsearchHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error").toString()).containsIgnoringCase("certif");
			});
	}

	private static void pass(HttpExchange exchange) throws IOException {
		try (exchange) {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			String basic = "Basic "
					+ Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			if (!basic.equals(authorization) && !("ApiKey " + API_KEY).equals(authorization)) {
				byte[] body = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing authentication "
						+ "credentials\"},\"status\":401}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\", charset=\"UTF-8\"");
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(401, body.length);
				exchange.getResponseBody().write(body);
				return;
			}
			authenticated.incrementAndGet();
			byte[] requestBody = exchange.getRequestBody().readAllBytes();
			HttpRequest.Builder forward = HttpRequest
				.newBuilder(URI.create(TestEngines.elasticsearchUrl() + exchange.getRequestURI()))
				.method(exchange.getRequestMethod(), (requestBody.length > 0)
						? HttpRequest.BodyPublishers.ofByteArray(requestBody) : HttpRequest.BodyPublishers.noBody());
			for (String header : List.of("Content-Type", "Accept")) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					forward.header(header, value);
				}
			}
			HttpResponse<byte[]> answer;
			try (HttpClient http = HttpClient.newHttpClient()) {
				answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			answer.headers().map().forEach((name, values) -> {
				if (!Set.of("content-length", "transfer-encoding", "connection", ":status")
					.contains(name.toLowerCase())) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			boolean empty = answer.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
			exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : answer.body().length);
			if (!empty) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer.body());
				}
			}
		}
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as("keytool %s: %s", arguments[0], output).isZero();
	}

}
