/**
 * HTTP concerns shared by the endpoints: every error as {@code application/problem+json}
 * that names what was wrong, and the request size limit.
 */
package org.newsradar.ingest.web;
