package org.newsradar.operations;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Decides whether a URL a user gave may be requested: not when its host is, or resolves
 * to, an internal address (loopback, private, link-local such as the cloud metadata
 * address 169.254.169.254, carrier-grade NAT, IPv6 unique local, wildcard, multicast),
 * unless {@link OutboundProperties} allow it. Asked when the URL is saved and again
 * before each request, as a name may resolve elsewhere later (DNS rebinding).
 */
public class OutboundGuard {

	private final OutboundProperties properties;

	public OutboundGuard(OutboundProperties properties) {
		this.properties = properties;
	}

	/**
	 * Why a URL may not be requested.
	 * @param url an absolute http(s) URL
	 * @return the reason, or empty when it may be; a host that does not resolve may be
	 * (the request itself will fail)
	 */
	public Optional<String> refusal(URI url) {
		if (this.properties.allowPrivate() || url.getHost() == null) {
			return Optional.empty();
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
				boolean allowed = address.isLoopbackAddress() && this.properties.allowLoopback();
				if (internal(address) && !allowed) {
					return Optional.of(url.getHost() + " is an internal address (" + address.getHostAddress()
							+ "); requests to those are refused unless newsradar.outbound."
							+ (address.isLoopbackAddress() ? "allow-loopback" : "allow-private") + " is true");
				}
			}
			return Optional.empty();
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Loopback, private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT,
	 * wildcard and multicast addresses.
	 */
	static boolean internal(InetAddress address) {
		byte[] bytes = address.getAddress();
		boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
		boolean sharedNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedNat;
	}

}
