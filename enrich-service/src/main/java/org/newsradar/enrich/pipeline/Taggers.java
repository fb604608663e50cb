package org.newsradar.enrich.pipeline;

import org.newsradar.enrich.EnrichApplication;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The taggers and the pipeline without Kafka, Elasticsearch or a web server: what the
 * evaluation command and the benchmark run, built by the same component scan and
 * {@code @Order} as in the service, so they measure exactly what the service does.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = EnrichApplication.class, useDefaultFilters = false,
		includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE,
				classes = { Tagger.class, EnrichmentPipeline.class }))
public class Taggers {

	/** A context holding the pipeline; close it when done. */
	public static AnnotationConfigApplicationContext start() {
		return new AnnotationConfigApplicationContext(Taggers.class);
	}

}
