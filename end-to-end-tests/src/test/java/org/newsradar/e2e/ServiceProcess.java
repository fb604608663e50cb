package org.newsradar.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One service, started from its executable jar as users start it, in its own JVM.
 */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	final String name;

	final int port;

	private final Process process;

	private final Path log;

	private final String heap;

	private final String[] arguments;

	private ServiceProcess(String name, int port, Process process, Path log, String heap, String[] arguments) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
		this.heap = heap;
		this.arguments = arguments;
	}

	static ServiceProcess start(String name, String heap, String... arguments) throws IOException {
		String jar = System.getProperty("newsradar.jar." + name);
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No executable jar for " + name + " (" + jar + "); run ./mvnw verify");
		}
		int port = freePort();
		Path log = Path.of("target", "e2e-logs", name + "-" + port + ".log");
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-jar", jar,
						"--server.port=" + port));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new ServiceProcess(name, port, process, log, heap, arguments);
	}

	/** What the service wrote to its console: ECS JSON lines. */
	Path log() {
		return this.log;
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void awaitHealthy() {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited; see " + this.log.toAbsolutePath());
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.ofString());
				return health.statusCode() == 200 && health.body().contains("\"UP\"");
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** {@code kill -9}: no shutdown hook, no graceful stop, nothing flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** The same service started again, with the arguments it had, on a new port. */
	ServiceProcess restart() throws IOException {
		return start(this.name, this.heap, this.arguments);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
