/**
 * The article in a news page: its text without the page furniture, and what the markup
 * says about it (canonical URL, headline, author, date, language).
 */
package org.newsradar.ingest.page;
