/**
 * The analyst's console served at {@code /}: its layout, its assets, and who may use it
 * (the same API keys as the API, presented once on a sign-in page). The pages of rules
 * and alerts live with the code they show ({@code rule}, {@code raised}), those of
 * stories and statements in {@code news}.
 */
package org.newsradar.alert.console;
