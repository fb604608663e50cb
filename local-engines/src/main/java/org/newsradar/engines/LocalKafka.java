package org.newsradar.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apache Kafka broker in KRaft mode (one process that is broker and controller),
 * started from the Kafka jars on our class path as a child process. Its log directory is
 * kept between runs, so topics and committed offsets survive {@code ./newsradar down} and
 * {@code up}.
 */
public final class LocalKafka implements AutoCloseable {

	private static final List<String> CONSOLE_LOGGING = List
		.of("-Dlogback.configurationFile=org/newsradar/engines/engine-logback.xml");

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private final Process process;

	private final int port;

	private LocalKafka(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a broker and waits until it answers.
	 * @param workDirectory where the log directory and configuration go
	 * @param log the file that receives the broker's console output
	 * @param port the client port; the controller listens on the next one
	 * @param detached whether the broker outlives this JVM in its own session
	 * @return the running broker
	 */
	public static LocalKafka start(Path workDirectory, Path log, int port, boolean detached) {
		int controllerPort = port + 1;
		EngineProcess.requireFreePort("Kafka", port);
		EngineProcess.requireFreePort("Kafka (controller)", controllerPort);
		try {
			Files.createDirectories(log.getParent());
			Path config = writeConfig(workDirectory, port, controllerPort);
			format(workDirectory, config, log);
			List<String> command = new ArrayList<>();
			if (detached) {
				command.add("setsid");
			}
			// A broker that outlives this JVM logs into a file of its own, rolled by
			// size;
			// its console (what the JVM prints itself) goes beside it.
			Path console = detached ? log.resolveSibling(log.getFileName() + ".out") : log;
			command.addAll(detached ? java(rolledInto(log), "-Xms256m", "-Xmx512m", "kafka.Kafka", config.toString())
					: java(CONSOLE_LOGGING, "-Xms256m", "-Xmx512m", "kafka.Kafka", config.toString()));
			logger.info("Starting Kafka on localhost:{} (data in {}, log {})", port, workDirectory, log);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
				.start();
			EngineProcess.awaitReady("Kafka", process, log, STARTUP_TIMEOUT, () -> isReady(port));
			return new LocalKafka(process, port);
		}
		catch (IOException ex) {
			throw new EngineException("Cannot start Kafka: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A client port that was free a moment ago, whose next port (the controller's) was
	 * free too: for tests that start a broker of their own.
	 */
	public static int freePortPair() {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port = EngineProcess.freePort();
			try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new EngineException("No two free ports in a row");
	}

	/** Whether a broker on {@code port} answers a metadata request. */
	public static boolean isReady(int port) {
		if (!EngineProcess.isListening(port)) {
			return false;
		}
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2000);
		try (Admin admin = Admin.create(config)) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		EngineProcess.stop(this.process.toHandle(), Duration.ofSeconds(30));
	}

	private static Path writeConfig(Path work, int port, int controllerPort) throws IOException {
		Files.createDirectories(work.resolve("data"));
		Path config = work.resolve("server.properties");
		Files.writeString(config,
				String.join("\n", "process.roles=broker,controller", "node.id=1",
						"controller.quorum.voters=1@localhost:" + controllerPort,
						"listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
						"advertised.listeners=PLAINTEXT://localhost:" + port, "controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"log.dirs=" + work.resolve("data"), "num.partitions=3", "offsets.topic.replication.factor=1",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false", ""));
		return config;
	}

	/** Formats the log directory once; the cluster id is kept beside it. */
	private static void format(Path work, Path config, Path log) throws IOException {
		Path clusterIdFile = work.resolve("cluster.id");
		if (Files.exists(clusterIdFile)) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		Process format = new ProcessBuilder(java(CONSOLE_LOGGING, "kafka.tools.StorageTool", "format",
				"--ignore-formatted", "--cluster-id", clusterId, "--config", config.toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		try {
			if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
				throw new EngineException("Formatting Kafka's log directory failed. Last lines of " + log + ":\n"
						+ EngineProcess.tail(log, 20));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EngineException("Interrupted while formatting Kafka's log directory", ex);
		}
		try {
			Files.writeString(clusterIdFile, clusterId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> java(List<String> logging, String... arguments) {
		List<String> command = new ArrayList<>(List.of(EngineProcess.javaHome().resolve("bin/java").toString(), "-cp",
				System.getProperty("java.class.path")));
		command.addAll(logging);
		command.addAll(List.of(arguments));
		return command;
	}

	private static List<String> rolledInto(Path log) {
		return List.of("-Dlogback.configurationFile=org/newsradar/engines/engine-logback-file.xml",
				"-Dnewsradar.engine.log=" + log.toAbsolutePath());
	}

}
