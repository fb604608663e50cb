package org.newsradar.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Elasticsearch node from Maven Central ({@code integ-test-zip}), run as a child
 * process: single node, security off, 512 MB heap, on the JDK that runs us. That
 * distribution carries only the core modules (no language analyzers, no percolator); the
 * index template probes for what is there.
 */
public final class LocalElasticsearch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalElasticsearch.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/** Where a copy of the node lives when the unprivileged user cannot read Maven's. */
	private static final Path SHARED_DIRECTORY = Path.of("/var/tmp/newsradar-engines");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int httpPort;

	private LocalElasticsearch(Process process, int httpPort) {
		this.process = process;
		this.httpPort = httpPort;
	}

	/**
	 * Starts a node and waits until it answers with a yellow or green cluster.
	 * @param workDirectory where data, configuration and node logs go
	 * @param log the file that receives the node's console output
	 * @param httpPort the HTTP port
	 * @param transportPort the transport port
	 * @param detached whether the node outlives this JVM in its own session
	 * @return the running node
	 */
	public static LocalElasticsearch start(Path workDirectory, Path log, int httpPort, int transportPort,
			boolean detached) {
		EngineProcess.requireFreePort("Elasticsearch", httpPort);
		EngineProcess.requireFreePort("Elasticsearch (transport)", transportPort);
		Path home = usableHome(distribution());
		Path work = usableWorkDirectory(home, workDirectory);
		List<String> command = new ArrayList<>();
		if (detached) {
			command.add("setsid");
		}
		command.addAll(Unprivileged.command(List.of(home.resolve("bin/elasticsearch").toString(), "-E",
				"discovery.type=single-node", "-E", "xpack.security.enabled=false", "-E", "cluster.name=newsradar",
				"-E", "node.name=newsradar-local", "-E", "network.host=127.0.0.1", "-E", "http.port=" + httpPort, "-E",
				"transport.port=" + transportPort, "-E", "path.data=" + work.resolve("data"), "-E",
				"path.logs=" + work.resolve("logs"),
				// A nearly full CI disk must not turn the indices read-only.
				"-E", "cluster.routing.allocation.disk.threshold_enabled=false")));
		if (detached) {
			// A node that outlives this JVM logs only into its own files, which it rolls;
			// its console then has only what it prints before its logging starts.
			command.add("--quiet");
		}
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, detached ? "Elasticsearch logs into " + work.resolve("logs")
					+ " (rolled by size); this file has only what it prints before that.\n" : "");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().put("ES_JAVA_HOME", EngineProcess.javaHome().toString());
			builder.environment().put("ES_PATH_CONF", work.resolve("config").toString());
			builder.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
			builder.environment().remove("JAVA_HOME");
			logger.info("Starting Elasticsearch on http://localhost:{} (data in {}, log {})", httpPort, work, log);
			Process process = builder.start();
			LocalElasticsearch node = new LocalElasticsearch(process, httpPort);
			EngineProcess.awaitReady("Elasticsearch", process, log, STARTUP_TIMEOUT, node::isHealthy);
			return node;
		}
		catch (IOException ex) {
			throw new EngineException("Cannot start Elasticsearch from " + home + ": " + ex.getMessage(), ex);
		}
	}

	/** Whether a node on {@code httpPort} answers with a yellow or green cluster. */
	public static boolean isHealthy(int httpPort) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + httpPort + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
				.timeout(Duration.ofSeconds(5))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean isHealthy() {
		return isHealthy(this.httpPort);
	}

	public String url() {
		return "http://localhost:" + this.httpPort;
	}

	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		EngineProcess.stop(this.process.toHandle(), Duration.ofSeconds(30));
	}

	/** The unpacked node, as the build recorded it. */
	static Path distribution() {
		String override = System.getProperty("newsradar.elasticsearch.home");
		Path home = (override != null) ? Path.of(override)
				: Path.of(buildProperties().getProperty("elasticsearch.home"));
		if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
			throw new EngineException("No Elasticsearch node at " + home
					+ ". Build the local engines first: ./mvnw -pl local-engines -am package -DskipTests");
		}
		return home;
	}

	private static Properties buildProperties() {
		try (InputStream in = LocalElasticsearch.class.getResourceAsStream("engines.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties;
		}
		catch (IOException | NullPointerException ex) {
			throw new EngineException("engines.properties is missing from the local-engines jar; rebuild it", ex);
		}
	}

	/**
	 * Maven's copy may sit where the unprivileged user cannot read it (under /root, say);
	 * then the node runs from a copy in a shared directory, made once.
	 */
	private static Path usableHome(Path home) {
		if (Unprivileged.canUse(home.resolve("bin/elasticsearch"), Path.of(System.getProperty("java.io.tmpdir")))) {
			return home;
		}
		Path copy = SHARED_DIRECTORY.resolve(home.getFileName());
		if (!Files.isExecutable(copy.resolve("bin/elasticsearch"))) {
			logger.info("Copying Elasticsearch to {} so that user {} can run it", copy, Unprivileged.USER);
			Path partial = SHARED_DIRECTORY.resolve(home.getFileName() + ".partial");
			copyTree(home, partial);
			try {
				Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return copy;
	}

	private static Path usableWorkDirectory(Path home, Path requested) {
		Path work = prepareWorkDirectory(home, requested);
		if (Unprivileged.canUse(home.resolve("bin/elasticsearch"), work.resolve("data"))) {
			return work;
		}
		Path fallback = SHARED_DIRECTORY.resolve("data-" + Integer.toHexString(requested.toAbsolutePath().hashCode()));
		logger.info("User {} cannot write {}; keeping the node's data in {}", Unprivileged.USER, requested, fallback);
		return prepareWorkDirectory(home, fallback);
	}

	private static Path prepareWorkDirectory(Path home, Path work) {
		try {
			Files.createDirectories(work.resolve("data"));
			Files.createDirectories(work.resolve("logs"));
			if (!Files.isDirectory(work.resolve("config"))) {
				copyTree(home.resolve("config"), work.resolve("config"));
			}
			Unprivileged.handOver(work);
			return work;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare " + work, ex);
		}
	}

	private static void copyTree(Path from, Path to) {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : (Iterable<Path>) paths::iterator) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + from + " to " + to, ex);
		}
	}

}
