package org.newsradar.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka is up when the cluster answers a metadata request within the timeout, with the
 * same connection settings (SASL, TLS) as the service's producers and consumers. Part of
 * the readiness probe.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final KafkaAdmin admin;

	private volatile AdminClient client;

	KafkaHealthIndicator(KafkaAdmin admin) {
		super("Kafka health check failed");
		this.admin = admin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		Collection<Node> nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.withDetail("brokers", nodes.size());
	}

	private AdminClient client() {
		AdminClient current = this.client;
		if (current == null) {
			synchronized (this) {
				if (this.client == null) {
					this.client = AdminClient.create(this.admin.getConfigurationProperties());
				}
				current = this.client;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		if (this.client != null) {
			this.client.close(Duration.ofSeconds(2));
		}
	}

}
