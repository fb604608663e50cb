package org.newsradar.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the engines share: port checks, a readiness wait that notices a dead process, pid
 * files and stopping a process with all its descendants.
 */
final class EngineProcess {

	private EngineProcess() {
	}

	/**
	 * Fails with a clear message when {@code port} is taken on the loopback interface.
	 */
	static void requireFreePort(String engine, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		}
		catch (IOException ex) {
			throw new EngineException("Cannot start " + engine + ": port " + port
					+ " is already in use. Stop whatever listens there (ss -ltnp 'sport = :" + port
					+ "') or run ./newsradar down.");
		}
	}

	/**
	 * Whether something accepts connections on {@code port} on the loopback interface.
	 */
	static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A new temporary directory that other users may traverse, so that Elasticsearch can
	 * keep its data there when it runs as the unprivileged user (plain temporary
	 * directories are private to their owner).
	 */
	static Path traversableTempDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes a directory tree, whoever wrote into it; for temporary directories. */
	static void deleteTree(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A port that was free a moment ago, for tests that must not collide. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code ready} holds, failing early with the end of the log when the
	 * process dies.
	 */
	static void awaitReady(String engine, Process process, Path log, Duration timeout, BooleanSupplier ready) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new EngineException(engine + " exited with code " + process.exitValue() + " before it was ready. "
						+ "Last lines of " + log + ":\n" + tail(log, 25));
			}
			if (ready.getAsBoolean()) {
				return;
			}
			pause(Duration.ofMillis(250));
		}
		stop(process.toHandle(), Duration.ofSeconds(10));
		throw new EngineException(engine + " was not ready after " + timeout.toSeconds() + "s. Last lines of " + log
				+ ":\n" + tail(log, 25));
	}

	/**
	 * Stops a process and its descendants: SIGTERM first, SIGKILL for what is left after
	 * {@code grace}.
	 */
	static void stop(ProcessHandle process, Duration grace) {
		List<ProcessHandle> all = process.descendants().toList();
		process.destroy();
		all.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(grace);
		while (Instant.now().isBefore(deadline)
				&& (process.isAlive() || all.stream().anyMatch(ProcessHandle::isAlive))) {
			pause(Duration.ofMillis(100));
		}
		process.destroyForcibly();
		all.forEach(ProcessHandle::destroyForcibly);
	}

	static void writePid(Path pidFile, long pid) {
		try {
			Files.createDirectories(pidFile.getParent());
			Files.writeString(pidFile, Long.toString(pid));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Optional<ProcessHandle> readPid(Path pidFile) {
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EngineException("Interrupted while waiting for an engine");
		}
	}

	/** Where the running JVM's JDK lives; the engines run on the same one. */
	static Path javaHome() {
		return Path.of(System.getProperty("java.home"));
	}

}
