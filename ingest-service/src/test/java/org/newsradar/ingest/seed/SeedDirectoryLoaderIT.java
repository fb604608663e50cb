package org.newsradar.ingest.seed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsradar.engines.TestEngines;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
class SeedDirectoryLoaderIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
	}

	@Autowired
	SeedDirectoryLoader loader;

	@TempDir
	Path seeds;

	@Test
	void loadsEverySeedFileOnceAndSkipsOtherFiles() throws Exception {
		Files.writeString(this.seeds.resolve("000_a.txt"), "First headline " + UUID.randomUUID() + "\n\nBody one.");
		Files.writeString(this.seeds.resolve("001_b.txt"), "Second headline " + UUID.randomUUID() + "\n\nBody two.");
		Files.writeString(this.seeds.resolve("notes.md"), "not a seed");
		assertThat(this.loader.load(this.seeds)).isEqualTo(2);
		assertThat(this.loader.load(this.seeds)).as("loading again publishes nothing").isZero();
	}

	@Test
	void saysWhichDirectoryIsMissing() {
		Path missing = this.seeds.resolve("missing");
		assertThatThrownBy(() -> this.loader.load(missing)).hasMessageContaining(missing.toString())
			.hasMessageContaining("is not a directory");
	}

}
