package org.newsradar.ingest;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of ingest-service, under {@code newsradar.ingest}.
 *
 * @param maxRequestSize largest request body of {@code POST /api/articles}
 * @param maxBatchSize most articles in one request
 * @param maxTitleLength longest title, in characters
 * @param maxBodyLength longest body, in characters
 * @param seedDirectory seed files to load at start, or {@code null}
 */
@Validated
@ConfigurationProperties("newsradar.ingest")
public record IngestProperties(@NotNull @DefaultValue("10MB") DataSize maxRequestSize,
		@Min(1) @DefaultValue("1000") int maxBatchSize, @Min(1) @DefaultValue("1000") int maxTitleLength,
		@Min(1) @DefaultValue("1000000") int maxBodyLength, Path seedDirectory) {

}
