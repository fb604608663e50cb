/**
 * Language identification with Lingua: statistical n-gram models for 75 languages, Kazakh
 * among them, loaded once. A hint from the source is only used when the text is too short
 * to judge.
 */
package org.newsradar.enrich.language;
