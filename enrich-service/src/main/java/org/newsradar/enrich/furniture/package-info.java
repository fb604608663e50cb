/**
 * Removing page furniture before anything is tagged: bylines, captions and read-times at
 * the top, and everything from the first furniture marker ("Related articles", "Leave a
 * Reply", "Load More", author bios) in the later part of the page. It also repairs titles
 * that are a breadcrumb or a section name. Markers live in {@code data/furniture.txt}.
 */
package org.newsradar.enrich.furniture;
