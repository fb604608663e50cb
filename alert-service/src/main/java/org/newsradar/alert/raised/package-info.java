/**
 * Alerts raised: the listener that turns a matching article into at most one alert per
 * rule and story, the {@code alerts} index that makes that hold across restarts and
 * instances (and keeps the later articles of the story attached to the alert), the
 * {@code /api/alerts} endpoints, the live server-sent event stream, and the console's
 * alerts page.
 */
package org.newsradar.alert.raised;
