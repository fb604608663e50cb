package org.newsradar.alert.delivery;

import java.util.List;

import org.newsradar.alert.rule.WatchRule;

/**
 * Sends a delivery over one kind of channel.
 */
interface ChannelSender {

	/** The channel {@code type}s it handles. */
	List<String> types();

	/**
	 * @param delivery what to send
	 * @param channel where, with its secret
	 * @throws Exception why the receiver did not take it
	 */
	void send(Delivery delivery, WatchRule.Channel channel) throws Exception;

}
