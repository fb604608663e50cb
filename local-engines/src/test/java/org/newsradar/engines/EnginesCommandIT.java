package org.newsradar.engines;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnginesCommandIT {

	/**
	 * Not JUnit's temporary directory: Elasticsearch, run as another user, must reach it.
	 */
	private final Path state = EngineProcess.traversableTempDirectory("newsradar-test-");

	private final int kafkaPort = EngineProcess.freePort();

	private final int elasticsearchPort = EngineProcess.freePort();

	private EnginesCommand command;

	@AfterEach
	void stop() {
		if (this.command != null) {
			this.command.stop();
		}
		EngineProcess.deleteTree(this.state);
	}

	@Test
	void startsBothEnginesDetachedOnceAndStopsThemLeavingNothingListening() {
		this.command = new EnginesCommand(this.state, this.kafkaPort, this.elasticsearchPort, EngineProcess.freePort());
		this.command.start();
		assertThat(this.command.status()).isTrue();
		long kafkaPid = this.command.running("kafka").orElseThrow().pid();
		assertThat(this.state.resolve("logs/kafka.log")).isNotEmptyFile();
		assertThat(this.state.resolve("logs/elasticsearch.log")).isNotEmptyFile();

		this.command.start();
		assertThat(this.command.running("kafka").orElseThrow().pid()).as("a second start reuses the running broker")
			.isEqualTo(kafkaPid);

		this.command.stop();
		assertThat(this.command.status()).isFalse();
		assertThat(EngineProcess.isListening(this.kafkaPort)).isFalse();
		assertThat(EngineProcess.isListening(this.elasticsearchPort)).isFalse();
		assertThat(this.state.resolve("run/kafka.pid")).doesNotExist();
	}

}
