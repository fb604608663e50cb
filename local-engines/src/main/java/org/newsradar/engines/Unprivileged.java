package org.newsradar.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Elasticsearch refuses to run as root. When we are root, the node runs as {@code nobody}
 * through {@code setpriv}, and the directories it writes are handed to that user.
 */
final class Unprivileged {

	static final String USER = "nobody";

	static final String GROUP = "nogroup";

	private Unprivileged() {
	}

	static boolean weAreRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/** The command, prefixed so that it runs as {@link #USER} when we are root. */
	static List<String> command(List<String> command) {
		if (!weAreRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(
				List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups"));
		wrapped.addAll(command);
		return wrapped;
	}

	/**
	 * Whether the unprivileged user can run {@code executable} and write
	 * {@code directory}.
	 */
	static boolean canUse(Path executable, Path directory) {
		if (!weAreRoot()) {
			return true;
		}
		try {
			Process check = new ProcessBuilder(command(List.of("sh", "-c", "test -x \"$0\" && test -w \"$1\"",
					executable.toString(), directory.toString())))
				.redirectErrorStream(true)
				.start();
			return check.waitFor() == 0;
		}
		catch (IOException ex) {
			throw new EngineException("Cannot run setpriv to drop root privileges for Elasticsearch: " + ex.getMessage()
					+ ". Install util-linux or run as a non-root user.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Hands {@code directory} and everything under it to the unprivileged user, when we
	 * are root.
	 */
	static void handOver(Path directory) {
		if (!weAreRoot()) {
			return;
		}
		try {
			UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
			UserPrincipal user = lookup.lookupPrincipalByName(USER);
			GroupPrincipal group = lookup.lookupPrincipalByGroupName(GROUP);
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : (Iterable<Path>) paths::iterator) {
					PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
					view.setOwner(user);
					view.setGroup(group);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot hand " + directory + " to " + USER, ex);
		}
	}

}
