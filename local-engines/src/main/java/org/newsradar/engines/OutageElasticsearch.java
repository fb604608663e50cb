package org.newsradar.engines;

import java.nio.file.Path;

/**
 * An Elasticsearch node of a test's own that the test may stop and start again, for
 * outages: the real local node, always (a node the other tests share must not go down
 * under them). It keeps its data and its ports across a restart, so a client configured
 * before the outage finds it again after. {@link #close} stops it and deletes its data.
 */
public final class OutageElasticsearch implements AutoCloseable {

	private final Path work = EngineProcess.traversableTempDirectory("newsradar-es-outage-");

	private final int httpPort = EngineProcess.freePort();

	private final int transportPort = EngineProcess.freePort();

	private LocalElasticsearch node;

	/** Starts the node and waits until it answers. */
	public OutageElasticsearch() {
		start();
	}

	public String url() {
		return "http://localhost:" + this.httpPort;
	}

	/** Stops the node (SIGTERM, then SIGKILL after 30 s); its data stays. */
	public synchronized void stop() {
		if (this.node != null) {
			this.node.close();
			this.node = null;
		}
	}

	/** Starts the node again on the same ports and data, and waits until it answers. */
	public synchronized void start() {
		if (this.node == null) {
			this.node = LocalElasticsearch.start(this.work, this.work.resolve("console.log"), this.httpPort,
					this.transportPort, false);
		}
	}

	@Override
	public void close() {
		stop();
		EngineProcess.deleteTree(this.work);
	}

}
