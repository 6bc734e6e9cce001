/**
 * Every threshold of newstrace in one place, with its meaning, unit and
 * trade-off. Figures that were measured name the evaluation that chose them
 * (see ARCHITECTURE.md, "Algorithms and parameters").
 */

export interface FingerprintParams {
  /** Words per word n-gram. Longer: fewer chance matches, more lost to edits. */
  wordGram: number;
  /** Winnowing window over word n-grams: density ~2/(w+1); any shared run of w+wordGram-1 words is found. */
  wordWindow: number;
  /** Function words per function-word n-gram (0 disables). Finds copies whose content words were spun. */
  functionGram: number;
  /** Winnowing window over function-word n-grams. */
  functionWindow: number;
  /**
   * Word features a short text should still get (half as many function-word
   * features): its windows narrow until it does. Short articles are where
   * sparse features would miss reuse.
   */
  minFeatures: number;
}

export interface CandidateParams {
  /** Postings read per feature at most: a feature shared by more articles is sampled, never dropped. */
  postingsPerFeature: number;
  /** Shared features a stored article needs to be aligned at all. */
  minSharedFeatures: number;
  /** The same for a short traced article (fewer than `shortFeatures` features), which has fewer to share. */
  minSharedFeaturesShort: number;
  shortFeatures: number;
  /** Candidates aligned per traced article at most, best first. */
  maxCandidates: number;
}

export interface AlignParams {
  /** Words per exact anchor n-gram (unique in both texts). */
  anchorGram: number;
  /** Function words per function-word anchor n-gram (unique in both texts). */
  functionAnchorGram: number;
  /** Largest gap, in words on either side, between two anchors of one passage. */
  maxGap: number;
  /** A run of this many words present on one side only splits a passage (an added or dropped line). */
  splitRun: number;
  /** Extension past the outer anchors stops when the score (+1 same word, -1 other) drops this far. */
  xDrop: number;
  /** Identical words a passage needs. */
  minMatches: number;
  /** Identical words a passage needs that are not function words (names, numbers, terms). */
  minContentMatches: number;
  /** Least share of identical words among a passage's aligned words. */
  minSimilarity: number;
  /**
   * Least alignment score of a passage, scoring +2 per identical pair and -1
   * per other column (passim's weights): short passages must be close copies,
   * long ones may be heavily spun.
   */
  minScore: number;
  /**
   * Once two texts share one passage that meets the thresholds above, their
   * other passages need only these: a copy whose paragraphs were reordered
   * and spun leaves short stretches that alone would prove nothing.
   */
  weakMinMatches: number;
  weakMinScore: number;
}

export interface VerdictParams {
  /** Coverage from which an article is a copy. */
  copy: number;
  /** Coverage from which an article is a partial copy. */
  partialCopy: number;
  /** A passage counts as copying only with this many of its article-side words outside quotation marks. */
  minWordsOutsideQuotes: number;
  /** Sources whose coverage is within this share of the best explain the article "about equally well". */
  parentTie: number;
  /** Words a tied source must match beyond another (its changes, carried by the article) to be preferred as parent. */
  parentEvidence: number;
  /** A line in at least this many articles of the same site (itself included) is the site's template. */
  templateRepeats: number;
}

export interface Params {
  fingerprint: FingerprintParams;
  candidates: CandidateParams;
  align: AlignParams;
  verdict: VerdictParams;
}

export const DEFAULTS: Params = {
  fingerprint: { wordGram: 4, wordWindow: 14, functionGram: 8, functionWindow: 12, minFeatures: 48 },
  candidates: { postingsPerFeature: 200, minSharedFeatures: 3, minSharedFeaturesShort: 2, shortFeatures: 96, maxCandidates: 24 },
  align: {
    anchorGram: 3,
    functionAnchorGram: 3,
    maxGap: 40,
    splitRun: 8,
    xDrop: 3,
    minMatches: 8,
    minContentMatches: 3,
    minSimilarity: 0.3,
    minScore: 12,
    weakMinMatches: 6,
    weakMinScore: 6,
  },
  verdict: { copy: 0.5, partialCopy: 0.15, minWordsOutsideQuotes: 16, parentTie: 0.1, parentEvidence: 3, templateRepeats: 3 },
};

/** Largest record (a JSON line, a file) accepted, in bytes. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
