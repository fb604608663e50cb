/**
 * People named in an article, filed under one canonical name whatever the spelling or
 * script (Tokayev, Tokaïev, Токаев), from {@code data/persons.tsv}.
 */
package org.newsradar.enrich.person;
