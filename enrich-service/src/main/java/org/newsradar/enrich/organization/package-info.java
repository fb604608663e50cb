/**
 * Organisations an article names, filed under one canonical name whatever the language or
 * script ("ООН", "ONU", "联合国" are the United Nations), from
 * {@code data/organizations.tsv}.
 */
package org.newsradar.enrich.organization;
