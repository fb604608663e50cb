package org.newsradar.elasticsearch;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Elasticsearch, under {@code newsradar.elasticsearch}. Spring Boot 4 only
 * configures the 9.x client; NewsRadar runs against 8.19 and configures its client here.
 *
 * @param uris the nodes, e.g. {@code http://localhost:9200}
 * @param username basic-auth user, or {@code null}
 * @param password basic-auth password, or {@code null}
 * @param apiKey an encoded API key, used instead of username and password when set
 * @param caCertificate a PEM file with the certificate authority (or authorities) that
 * signed the cluster's HTTPS certificate, when the JVM's trust store does not know it
 */
@Validated
@ConfigurationProperties("newsradar.elasticsearch")
public record ElasticsearchProperties(@NotEmpty @DefaultValue("http://localhost:9200") List<URI> uris, String username,
		String password, String apiKey, Path caCertificate) {

	@Override
	public String toString() {
		return "ElasticsearchProperties[uris=" + this.uris + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + ", apiKey=" + ((this.apiKey != null) ? "******" : null)
				+ ", caCertificate=" + this.caCertificate + "]";
	}

}
