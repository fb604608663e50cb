package org.newsradar.operations;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundGuardTest {

	private final OutboundGuard strict = new OutboundGuard(new OutboundProperties(false, false));

	@Test
	void internalAddressesAreRecognised() throws Exception {
		for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1")) {
			assertThat(OutboundGuard.internal(InetAddress.getByName(internal))).as(internal).isTrue();
		}
		for (String external : List.of("93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:4700::1111")) {
			assertThat(OutboundGuard.internal(InetAddress.getByName(external))).as(external).isFalse();
		}
	}

	@Test
	void metadataPrivateAndLoopbackUrlsAreRefusedWithTheSettingThatWouldAllowThem() {
		assertThat(this.strict.refusal(URI.create("http://169.254.169.254/latest/meta-data/")))
			.hasValue("169.254.169.254 is an internal address (169.254.169.254); requests to those are refused "
					+ "unless newsradar.outbound.allow-private is true");
		assertThat(this.strict.refusal(URI.create("https://10.0.0.7/hook"))).isPresent();
		assertThat(this.strict.refusal(URI.create("http://[::1]:8080/hook"))).get()
			.asString()
			.contains("newsradar.outbound.allow-loopback");
		assertThat(this.strict.refusal(URI.create("http://localhost:9000/hook"))).isPresent();
		assertThat(this.strict.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
	}

	@Test
	void loopbackAloneOrEverythingInternalCanBeAllowed() {
		OutboundGuard loopback = new OutboundGuard(new OutboundProperties(true, false));
		assertThat(loopback.refusal(URI.create("http://127.0.0.1:9000/hook"))).isEmpty();
		assertThat(loopback.refusal(URI.create("http://192.168.1.20/hook"))).isPresent();
		OutboundGuard everything = new OutboundGuard(new OutboundProperties(false, true));
		assertThat(everything.refusal(URI.create("http://192.168.1.20/hook"))).isEmpty();
	}

}
