package org.newsradar.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which internal addresses the services may send requests to (webhooks, feeds, article
 * pages), under {@code newsradar.outbound}. By default none: a URL an API user gives must
 * not reach the machine's own services, the private network or a cloud metadata address.
 *
 * @param allowLoopback whether loopback addresses (127.0.0.0/8, ::1) are allowed, for
 * receivers on the same machine ({@code ./newsradar up} sets it)
 * @param allowPrivate whether every internal address is allowed (private, link-local,
 * loopback ...), for a closed network where feeds and receivers live
 */
@ConfigurationProperties("newsradar.outbound")
public record OutboundProperties(@DefaultValue("false") boolean allowLoopback,
		@DefaultValue("false") boolean allowPrivate) {

}
