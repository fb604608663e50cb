/**
 * Text primitives the taggers share: tokenising with accent and case folding, and a
 * dictionary of phrases matched over a token stream (longest match first, optional prefix
 * wildcards and case-sensitive entries). Names, demonyms and topic terms are all phrases.
 */
package org.newsradar.enrich.text;
