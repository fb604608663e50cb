/**
 * Topics from the taxonomy in {@code newsradar/topics.json}, in the style of EMM's
 * category definitions: multilingual weighted terms and a threshold per topic. The terms
 * that fired are kept as evidence on the document.
 */
package org.newsradar.enrich.topic;
