package org.newsradar.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * What {@code ./newsradar} calls to start, stop and report the local engines. Everything
 * lives under one state directory: {@code kafka/} and {@code elasticsearch/} hold the
 * data, {@code logs/} the consoles, {@code run/} the pid files.
 *
 * <pre>
 * EnginesCommand start|stop|status STATE_DIRECTORY
 * </pre>
 */
public final class EnginesCommand {

	static final int KAFKA_PORT = 9092;

	static final int ELASTICSEARCH_PORT = 9200;

	static final int ELASTICSEARCH_TRANSPORT_PORT = 9300;

	/** How long a running engine that does not answer is given to come up or go. */
	private static final Duration SETTLE = Duration.ofSeconds(60);

	private final Path state;

	private final int kafkaPort;

	private final int elasticsearchPort;

	private final int elasticsearchTransportPort;

	EnginesCommand(Path state, int kafkaPort, int elasticsearchPort, int elasticsearchTransportPort) {
		this.state = state;
		this.kafkaPort = kafkaPort;
		this.elasticsearchPort = elasticsearchPort;
		this.elasticsearchTransportPort = elasticsearchTransportPort;
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: EnginesCommand start|stop|status STATE_DIRECTORY");
			System.exit(2);
		}
		EnginesCommand command = new EnginesCommand(Path.of(args[1]).toAbsolutePath(), KAFKA_PORT, ELASTICSEARCH_PORT,
				ELASTICSEARCH_TRANSPORT_PORT);
		try {
			switch (args[0]) {
				case "start" -> command.start();
				case "stop" -> command.stop();
				case "status" -> System.exit(command.status() ? 0 : 1);
				default -> {
					System.err.println("unknown command " + args[0] + "; expected start, stop or status");
					System.exit(2);
				}
			}
		}
		catch (EngineException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

	/** Starts whichever engine is not running yet, both at once, and waits for them. */
	void start() {
		CompletableFuture<Void> kafka = CompletableFuture.runAsync(() -> {
			if (!answers("kafka", () -> LocalKafka.isReady(this.kafkaPort))) {
				LocalKafka broker = LocalKafka.start(this.state.resolve("kafka"), log("kafka"), this.kafkaPort, true);
				EngineProcess.writePid(pidFile("kafka"), broker.pid());
			}
			System.out.println("Kafka          localhost:" + this.kafkaPort + "   log " + log("kafka"));
		});
		CompletableFuture<Void> elasticsearch = CompletableFuture.runAsync(() -> {
			if (!answers("elasticsearch", () -> LocalElasticsearch.isHealthy(this.elasticsearchPort))) {
				LocalElasticsearch node = LocalElasticsearch.start(this.state.resolve("elasticsearch"),
						log("elasticsearch"), this.elasticsearchPort, this.elasticsearchTransportPort, true);
				EngineProcess.writePid(pidFile("elasticsearch"), node.pid());
			}
			System.out.println(
					"Elasticsearch  http://localhost:" + this.elasticsearchPort + "   log " + log("elasticsearch"));
		});
		try {
			CompletableFuture.allOf(kafka, elasticsearch).join();
		}
		catch (CompletionException ex) {
			stop();
			throw (ex.getCause() instanceof EngineException engine) ? engine
					: new EngineException("Starting the engines failed: " + ex.getCause(), ex.getCause());
		}
	}

	/**
	 * Whether the engine of the pid file runs and answers. A process that is there but
	 * does not answer is given a while: one that is starting comes up, one that was
	 * killed a moment ago goes; one still there and silent after that is stopped, so that
	 * a new one can start.
	 */
	private boolean answers(String engine, BooleanSupplier healthy) {
		Optional<ProcessHandle> process = running(engine);
		if (process.isEmpty()) {
			return false;
		}
		Instant deadline = Instant.now().plus(SETTLE);
		while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
			if (healthy.getAsBoolean()) {
				return true;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new EngineException("Interrupted while waiting for " + engine, ex);
			}
		}
		if (process.get().isAlive()) {
			System.out.println(engine + " (pid " + process.get().pid() + ") does not answer after " + SETTLE.toSeconds()
					+ " s; stopping it to start a new one");
			EngineProcess.stop(process.get(), Duration.ofSeconds(30));
		}
		return false;
	}

	void stop() {
		for (String engine : new String[] { "elasticsearch", "kafka" }) {
			running(engine).ifPresent((process) -> {
				System.out.println("Stopping " + engine + " (pid " + process.pid() + ")");
				EngineProcess.stop(process, Duration.ofSeconds(30));
			});
			pidFile(engine).toFile().delete();
		}
	}

	boolean status() {
		boolean kafka = running("kafka").isPresent() && LocalKafka.isReady(this.kafkaPort);
		boolean elasticsearch = running("elasticsearch").isPresent()
				&& LocalElasticsearch.isHealthy(this.elasticsearchPort);
		System.out.printf("%-14s %s%n", "kafka", kafka ? "up   localhost:" + this.kafkaPort : "down");
		System.out.printf("%-14s %s%n", "elasticsearch",
				elasticsearch ? "up   http://localhost:" + this.elasticsearchPort : "down");
		return kafka && elasticsearch;
	}

	Optional<ProcessHandle> running(String engine) {
		return EngineProcess.readPid(pidFile(engine));
	}

	private Path pidFile(String engine) {
		return this.state.resolve("run").resolve(engine + ".pid");
	}

	private Path log(String engine) {
		return this.state.resolve("logs").resolve(engine + ".log");
	}

}
