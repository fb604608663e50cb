/**
 * The evaluation command: runs the enrichment over JSONL files with gold labels (the
 * format of {@code ../shared/eval/}) and reports precision, recall and F1 per dataset,
 * language and field, so that every change to a tagger is measured on data nobody on the
 * team wrote.
 */
package org.newsradar.eval;
