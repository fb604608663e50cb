package org.newsradar.eval;

import java.util.Set;

/**
 * Counts for one (dataset, language, field): micro-averaged over articles.
 */
final class Tally {

	int articles;

	long truePositives;

	long falsePositives;

	long falseNegatives;

	/** Articles whose values were exactly the gold ones. */
	int exact;

	/** Values produced that the gold labels forbid (furniture). */
	int forbidden;

	void add(Set<String> gold, Set<String> predicted, Set<String> notAllowed) {
		this.articles++;
		int hits = 0;
		for (String value : predicted) {
			if (gold.contains(value)) {
				hits++;
			}
			if (notAllowed.contains(value)) {
				this.forbidden++;
			}
		}
		this.truePositives += hits;
		this.falsePositives += predicted.size() - hits;
		this.falseNegatives += gold.size() - hits;
		if (gold.equals(predicted)) {
			this.exact++;
		}
	}

	void addPair(boolean sameGold, boolean samePredicted) {
		if (sameGold && samePredicted) {
			this.truePositives++;
		}
		else if (samePredicted) {
			this.falsePositives++;
		}
		else if (sameGold) {
			this.falseNegatives++;
		}
	}

	/** Adds the counts of another tally. */
	void add(Tally other) {
		this.articles += other.articles;
		this.truePositives += other.truePositives;
		this.falsePositives += other.falsePositives;
		this.falseNegatives += other.falseNegatives;
		this.exact += other.exact;
		this.forbidden += other.forbidden;
	}

	double precision() {
		long predicted = this.truePositives + this.falsePositives;
		return (predicted == 0) ? ((this.falseNegatives == 0) ? 1 : 0) : (double) this.truePositives / predicted;
	}

	double recall() {
		long gold = this.truePositives + this.falseNegatives;
		return (gold == 0) ? ((this.falsePositives == 0) ? 1 : 0) : (double) this.truePositives / gold;
	}

	double f1() {
		double p = precision();
		double r = recall();
		return (p + r == 0) ? 0 : 2 * p * r / (p + r);
	}

	double accuracy() {
		return (this.articles == 0) ? 0 : (double) this.exact / this.articles;
	}

	/** Values produced beyond the gold ones, per article. */
	double extraPerArticle() {
		return (this.articles == 0) ? 0 : (double) this.falsePositives / this.articles;
	}

}
