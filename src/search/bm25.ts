// A small BM25 inverted index over sentences ("units"), each belonging to a paragraph
// ("group"). One posting list serves both levels: a sentence is scored on its own
// words, and on the words of its whole paragraph, so that a sentence is found by the
// question's words even when some of them sit in the sentences around it.
// Postings are stored compactly (CSR layout in typed arrays) to stay small and fast
// at 100,000 paragraphs.

export interface Bm25Params {
  k1: number;
  b: number;
  /** Weight of the paragraph's score added to each of its sentences' scores. */
  paragraphWeight: number;
}

// Tuned on the dev split of XQuAD-ar (npm run eval -- --xquad): a grid over k1, b and the
// paragraph weight; the test split was left for reporting.
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.6, paragraphWeight: 4 };

/** One query term, resolved to an index term; `weight` < 1 for a fuzzy match. */
export interface QueryTerm {
  termId: number;
  weight: number;
}

export interface Hit {
  unit: number;
  group: number;
  score: number;
  /** Bit i set when query term i occurs in the sentence / its paragraph. */
  unitMask: number;
  groupMask: number;
}

export const MAX_QUERY_TERMS = 30;

export class Bm25Index {
  readonly termIds = new Map<string, number>();
  readonly unitGroup: Int32Array;
  private readonly unitLength: Float32Array;
  private readonly groupLength: Float32Array;
  private readonly avgUnitLength: number;
  private readonly avgGroupLength: number;
  private readonly postingStart: Int32Array;
  private readonly postingUnit: Int32Array;
  private readonly postingTf: Uint16Array;
  readonly unitDf: Int32Array;
  readonly groupDf: Int32Array;
  // Scratch space reused by every search (searches are synchronous).
  private readonly unitScore: Float64Array;
  private readonly unitMask: Int32Array;
  private readonly groupScore: Float64Array;
  private readonly groupMask: Int32Array;
  private readonly groupTf: Float64Array;

  /** `unitTerms[u]` lists the terms of sentence u; `unitGroup[u]` its paragraph, in non-decreasing order. */
  constructor(
    unitTerms: Iterable<string[]>,
    unitGroup: ArrayLike<number>,
    readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    const units = unitGroup.length;
    this.unitGroup = Int32Array.from(unitGroup);
    const groups = units === 0 ? 0 : this.unitGroup[units - 1]! + 1;
    this.unitLength = new Float32Array(units);
    this.groupLength = new Float32Array(groups);

    // Pass 1: (term, tf) pairs of every unit into growable flat buffers.
    let pairTerm = new Int32Array(1 << 16);
    let pairTf = new Uint16Array(1 << 16);
    const pairStart = new Int32Array(units + 1);
    let pairs = 0;
    const df: number[] = [];
    const counts = new Map<number, number>();
    let u = 0;
    for (const terms of unitTerms) {
      counts.clear();
      for (const term of terms) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(term, id);
          df.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      if (pairs + counts.size > pairTerm.length) {
        const size = Math.max(pairTerm.length * 2, pairs + counts.size);
        pairTerm = grow(pairTerm, size);
        pairTf = grow(pairTf, size);
      }
      for (const [id, tf] of counts) {
        pairTerm[pairs] = id;
        pairTf[pairs] = Math.min(tf, 0xffff);
        pairs++;
        df[id]!++;
      }
      this.unitLength[u] = terms.length;
      this.groupLength[this.unitGroup[u]!]! += terms.length;
      pairStart[++u] = pairs;
    }

    // Pass 2: invert into postings, ordered by unit.
    const termCount = this.termIds.size;
    this.postingStart = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) this.postingStart[t + 1] = this.postingStart[t]! + df[t]!;
    this.postingUnit = new Int32Array(pairs);
    this.postingTf = new Uint16Array(pairs);
    const fill = this.postingStart.slice(0, termCount);
    for (let unit = 0; unit < units; unit++) {
      for (let p = pairStart[unit]!; p < pairStart[unit + 1]!; p++) {
        const slot = fill[pairTerm[p]!]!++;
        this.postingUnit[slot] = unit;
        this.postingTf[slot] = pairTf[p]!;
      }
    }
    this.unitDf = Int32Array.from(df);
    this.groupDf = new Int32Array(termCount);
    for (let t = 0; t < termCount; t++) {
      let last = -1;
      for (let p = this.postingStart[t]!; p < this.postingStart[t + 1]!; p++) {
        const group = this.unitGroup[this.postingUnit[p]!]!;
        if (group !== last) this.groupDf[t]!++;
        last = group;
      }
    }

    this.avgUnitLength = units ? this.unitLength.reduce((a, b) => a + b, 0) / units || 1 : 1;
    this.avgGroupLength = groups ? this.groupLength.reduce((a, b) => a + b, 0) / groups || 1 : 1;
    this.unitScore = new Float64Array(units);
    this.unitMask = new Int32Array(units);
    this.groupScore = new Float64Array(groups);
    this.groupMask = new Int32Array(groups);
    this.groupTf = new Float64Array(groups);
  }

  get unitCount(): number {
    return this.unitGroup.length;
  }

  get groupCount(): number {
    return this.groupLength.length;
  }

  /** Paragraph-level inverse document frequency; df 0 gives the largest value. */
  groupIdf(termId: number | undefined): number {
    const df = termId === undefined ? 0 : this.groupDf[termId]!;
    return idf(this.groupCount, df);
  }

  unitTf(unit: number, termId: number): number {
    // Binary search: postings of a term are sorted by unit.
    let lo = this.postingStart[termId]!;
    let hi = this.postingStart[termId + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.postingUnit[mid]!;
      if (at === unit) return this.postingTf[mid]!;
      if (at < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** The best `limit` sentences for the query terms (term i sets bit i of the masks). */
  search(query: QueryTerm[], limit: number): Hit[] {
    const { k1, b, paragraphWeight } = this.params;
    const touchedUnits: number[] = [];
    const touchedGroups: number[] = [];
    const { unitScore, unitMask, groupScore, groupMask, groupTf } = this;
    query.slice(0, MAX_QUERY_TERMS).forEach(({ termId, weight }, i) => {
      const bit = 1 << i;
      const unitIdf = weight * idf(this.unitCount, this.unitDf[termId]!);
      const groupIdf = weight * idf(this.groupCount, this.groupDf[termId]!);
      const termGroups: number[] = [];
      for (let p = this.postingStart[termId]!; p < this.postingStart[termId + 1]!; p++) {
        const unit = this.postingUnit[p]!;
        const tf = this.postingTf[p]!;
        if (unitMask[unit] === 0 && unitScore[unit] === 0) touchedUnits.push(unit);
        unitScore[unit]! += (unitIdf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.unitLength[unit]!) / this.avgUnitLength));
        unitMask[unit]! |= bit;
        const group = this.unitGroup[unit]!;
        if (groupTf[group] === 0) termGroups.push(group);
        groupTf[group]! += tf;
      }
      for (const group of termGroups) {
        const tf = groupTf[group]!;
        if (groupMask[group] === 0) touchedGroups.push(group);
        groupScore[group]! += (groupIdf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.groupLength[group]!) / this.avgGroupLength));
        groupMask[group]! |= bit;
        groupTf[group] = 0;
      }
    });

    const hits: Hit[] = touchedUnits.map((unit) => {
      const group = this.unitGroup[unit]!;
      return {
        unit,
        group,
        score: unitScore[unit]! + paragraphWeight * groupScore[group]!,
        unitMask: unitMask[unit]!,
        groupMask: groupMask[group]!,
      };
    });
    for (const unit of touchedUnits) {
      unitScore[unit] = 0;
      unitMask[unit] = 0;
    }
    for (const group of touchedGroups) {
      groupScore[group] = 0;
      groupMask[group] = 0;
    }
    return topK(hits, limit);
  }
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function grow<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Highest scores first; ties by position in the knowledge, for stable answers. */
function topK(hits: Hit[], k: number): Hit[] {
  const byScore = (a: Hit, b: Hit) => b.score - a.score || a.unit - b.unit;
  if (hits.length <= k * 4) return hits.sort(byScore).slice(0, k);
  // Partial selection: keep a threshold so most hits are rejected without sorting.
  const kept: Hit[] = [];
  let floor = -Infinity;
  for (const hit of hits) {
    if (hit.score < floor) continue;
    kept.push(hit);
    if (kept.length >= k * 4) {
      kept.sort(byScore).length = k;
      floor = kept[k - 1]!.score;
    }
  }
  return kept.sort(byScore).slice(0, k);
}
