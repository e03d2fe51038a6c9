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
  /** Length normalisation of the paragraph field (b is the sentence field's). */
  paragraphB: number;
}

// Tuned on the dev split of XQuAD-ar (npm run eval -- --xquad): a grid over k1, b and the
// paragraph weight; the test split was left for reporting.
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.6, paragraphWeight: 4, paragraphB: 0.9 };

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
/** A mask bit no query term uses: marks a seeded sentence as touched. */
const SEEDED = 1 << 30;

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
  /**
   * Each posting's BM25 weight in its sentence before idf, tf·(k1+1)/(tf + k1·norm): read in
   * posting order, it spares the search a random read of the sentence's length and a
   * division per posting: at 100,000 paragraphs the search alone took 29% less time on average
   * and 21% less at p99 (16.9 → 13.3 ms, the same calls in one process), for 4 bytes a posting.
   */
  private readonly postingImpact: Float32Array;
  readonly unitDf: Int32Array;
  readonly groupDf: Int32Array;
  // Scratch space reused by every search (searches are synchronous).
  private readonly unitScore: Float64Array;
  private readonly unitMask: Int32Array;
  private readonly groupScore: Float64Array;
  private readonly groupMask: Int32Array;
  /** Units a search touched, first touch first (grown to the largest query's postings). */
  private touched = new Int32Array(1024);
  /** Each unit's terms that `ordered` accepts, as ids in text order (unit u: sequence[sequenceStart[u] … sequenceStart[u+1])). */
  private readonly sequence: Int32Array;
  private readonly sequenceStart: Int32Array;

  /**
   * `unitTerms[u]` lists the terms of sentence u; `unitGroup[u]` its paragraph, in
   * non-decreasing order. The terms `ordered` accepts are also kept in text order, for
   * `unitSequence` (none when it is omitted).
   */
  constructor(
    unitTerms: Iterable<string[]>,
    unitGroup: ArrayLike<number>,
    readonly params: Bm25Params = DEFAULT_BM25,
    ordered?: (term: string) => boolean,
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
    // The unit's distinct terms in order of first occurrence, and each term's count in it
    // (0 outside the unit being read): plain arrays, cheaper than a Map per unit.
    const unitTermIds: number[] = [];
    const tfOf: number[] = [];
    const keepsOrder: boolean[] = [];
    let sequence = new Int32Array(ordered ? 1 << 16 : 0);
    const sequenceStart = new Int32Array(ordered ? units + 1 : 1);
    let kept = 0;
    let u = 0;
    for (const terms of unitTerms) {
      unitTermIds.length = 0;
      for (const term of terms) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.termIds.size;
          this.termIds.set(term, id);
          df.push(0);
          tfOf.push(0);
          keepsOrder.push(ordered?.(term) ?? false);
        }
        if (tfOf[id] === 0) unitTermIds.push(id);
        tfOf[id]!++;
        if (keepsOrder[id]) {
          if (kept === sequence.length) sequence = grow(sequence, sequence.length * 2);
          sequence[kept++] = id;
        }
      }
      if (ordered) sequenceStart[u + 1] = kept;
      if (pairs + unitTermIds.length > pairTerm.length) {
        const size = Math.max(pairTerm.length * 2, pairs + unitTermIds.length);
        pairTerm = grow(pairTerm, size);
        pairTf = grow(pairTf, size);
      }
      for (const id of unitTermIds) {
        pairTerm[pairs] = id;
        pairTf[pairs] = Math.min(tfOf[id]!, 0xffff);
        pairs++;
        df[id]!++;
        tfOf[id] = 0;
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
    this.sequence = sequence.slice(0, kept);
    this.sequenceStart = sequenceStart;
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
    this.postingImpact = new Float32Array(pairs);
    const { k1, b } = params;
    for (let p = 0; p < pairs; p++) {
      const tf = this.postingTf[p]!;
      this.postingImpact[p] = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * this.unitLength[this.postingUnit[p]!]!) / this.avgUnitLength));
    }
    this.unitScore = new Float64Array(units);
    this.unitMask = new Int32Array(units);
    this.groupScore = new Float64Array(groups);
    this.groupMask = new Int32Array(groups);
  }

  /** Unit u's ordered terms (see the constructor), as term ids. */
  unitSequence(u: number): Int32Array {
    return this.sequence.subarray(this.sequenceStart[u] ?? 0, this.sequenceStart[u + 1] ?? 0);
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

  /** Paragraphs among units [firstUnit, endUnit) holding the term (the df within one document). */
  groupDfIn(termId: number, firstUnit: number, endUnit: number): number {
    let lo = this.postingStart[termId]!;
    let hi = this.postingStart[termId + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.postingUnit[mid]! < firstUnit) lo = mid + 1;
      else hi = mid;
    }
    let df = 0;
    let last = -1;
    for (let p = lo; p < this.postingStart[termId + 1]! && this.postingUnit[p]! < endUnit; p++) {
      const group = this.unitGroup[this.postingUnit[p]!]!;
      if (group !== last) df++;
      last = group;
    }
    return df;
  }

  /** The units holding the term, first first (at most `limit`). */
  unitsOf(termId: number, limit: number): number[] {
    const units: number[] = [];
    for (let p = this.postingStart[termId]!; p < this.postingStart[termId + 1]! && units.length < limit; p++) units.push(this.postingUnit[p]!);
    return units;
  }

  /**
   * Do two terms share a group? Postings are sorted by unit and a group's units are
   * contiguous, so each of the rarer term's groups is looked up in the commoner's postings
   * by binary search: a common word's tens of thousands of postings are never walked.
   */
  shareGroup(a: number, b: number): boolean {
    const count = (t: number) => this.postingStart[t + 1]! - this.postingStart[t]!;
    const [rare, common] = count(a) <= count(b) ? [a, b] : [b, a];
    const end = this.postingStart[common + 1]!;
    for (let p = this.postingStart[rare]!; p < this.postingStart[rare + 1]!; p++) {
      const group = this.unitGroup[this.postingUnit[p]!]!;
      // The first posting of `common` at or after this group's first unit.
      let lo = this.postingStart[common]!;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.unitGroup[this.postingUnit[mid]!]! < group) lo = mid + 1;
        else hi = mid;
      }
      if (lo < end && this.unitGroup[this.postingUnit[lo]!] === group) return true;
    }
    return false;
  }

  /** What a query term of this weight adds to unit u's score in `search`: its sentence part and its paragraph part. */
  termScore(unit: number, termId: number, weight: number): number {
    const { k1, b, paragraphWeight, paragraphB } = this.params;
    const saturate = (tf: number, norm: number) => (tf * (k1 + 1)) / (tf + k1 * norm);
    const tf = this.unitTf(unit, termId);
    let score = tf ? weight * idf(this.unitCount, this.unitDf[termId]!) * saturate(tf, 1 - b + (b * this.unitLength[unit]!) / this.avgUnitLength) : 0;
    const group = this.unitGroup[unit]!;
    let groupTf = 0;
    for (let v = unit; v >= 0 && this.unitGroup[v] === group; v--) groupTf += this.unitTf(v, termId);
    for (let v = unit + 1; v < this.unitCount && this.unitGroup[v] === group; v++) groupTf += this.unitTf(v, termId);
    if (groupTf) score += paragraphWeight * weight * idf(this.groupCount, this.groupDf[termId]!) * saturate(groupTf, 1 - paragraphB + (paragraphB * this.groupLength[group]!) / this.avgGroupLength);
    return score;
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

  /**
   * The best `limit` sentences for the query terms (term i sets bit i of the masks).
   * `paragraphBonus[g]` is added to the score of every sentence of paragraph g (another
   * field, such as the document's title); `seeds` are sentences ranked even when no term
   * touches them (those of a document the title field found).
   */
  search(query: QueryTerm[], limit: number, extra: { paragraphBonus?: Float64Array; seeds?: ArrayLike<number> } = {}): Hit[] {
    // Hot loop: up to hundreds of thousands of postings per query at 100,000 paragraphs.
    // Fields are read into locals, nothing is allocated per posting, and it avoids
    // unpredictable branches (profiled with `npm run bench`).
    const { k1, paragraphWeight, paragraphB } = this.params;
    const { unitScore, unitMask, groupScore, groupMask, postingStart, postingUnit, postingTf, postingImpact, unitGroup, groupLength, avgGroupLength } = this;
    const terms = Math.min(query.length, MAX_QUERY_TERMS);
    const { paragraphBonus, seeds = [] } = extra;
    let postings = seeds.length;
    for (let i = 0; i < terms; i++) postings += postingStart[query[i]!.termId + 1]! - postingStart[query[i]!.termId]!;
    if (this.touched.length < postings) this.touched = new Int32Array(Math.max(postings, this.touched.length * 2));
    const touchedUnits = this.touched;
    let touchedCount = 0;
    const touchedGroups: number[] = [];

    for (let i = 0; i < terms; i++) {
      const { termId, weight } = query[i]!;
      const bit = 1 << i;
      const unitIdf = weight * idf(this.unitCount, this.unitDf[termId]!);
      const groupIdf = weight * idf(this.groupCount, this.groupDf[termId]!);
      // A paragraph's score uses the term's count over all its sentences. Postings are in
      // unit order and a paragraph's units are consecutive, so that count is complete
      // when the next paragraph begins (or the postings end: p === end, one step more).
      let group = -1;
      let groupTf = 0;
      const end = postingStart[termId + 1]!;
      for (let p = postingStart[termId]!; p <= end; p++) {
        const unit = p < end ? postingUnit[p]! : -1;
        const unitsGroup = p < end ? unitGroup[unit]! : -1;
        if (unitsGroup !== group) {
          if (group >= 0) {
            if (groupMask[group] === 0) touchedGroups.push(group);
            groupScore[group]! += (groupIdf * groupTf * (k1 + 1)) / (groupTf + k1 * (1 - paragraphB + (paragraphB * groupLength[group]!) / avgGroupLength));
            groupMask[group]! |= bit;
          }
          if (p === end) break;
          group = unitsGroup;
          groupTf = 0;
        }
        const tf = postingTf[p]!;
        // A unit's mask is 0 until the query first touches it (then it holds a bit): it is
        // listed once, without a branch.
        const mask = unitMask[unit]!;
        touchedUnits[touchedCount] = unit;
        touchedCount += +(mask === 0);
        unitScore[unit]! += unitIdf * postingImpact[p]!;
        unitMask[unit] = mask | bit;
        groupTf += tf;
      }
    }

    for (let i = 0; i < seeds.length; i++) {
      const unit = seeds[i]!;
      touchedUnits[touchedCount] = unit;
      touchedCount += +(unitMask[unit] === 0);
      unitMask[unit]! |= SEEDED;
    }

    // Top `limit` by score, ties by position: a heap of the best so far, the worst on top.
    const k = Math.max(0, Math.min(Math.floor(limit), touchedCount));
    const heapUnit = new Int32Array(k);
    const heapScore = new Float64Array(k);
    let size = 0;
    for (let t = 0; t < touchedCount; t++) {
      const unit = touchedUnits[t]!;
      const group = unitGroup[unit]!;
      const score = unitScore[unit]! + paragraphWeight * groupScore[group]! + (paragraphBonus ? paragraphBonus[group]! : 0);
      if (size < k) {
        // Sift up: a parent is worse than its children.
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (worse(heapScore[parent]!, heapUnit[parent]!, score, unit)) break;
          heapScore[at] = heapScore[parent]!;
          heapUnit[at] = heapUnit[parent]!;
          at = parent;
        }
        heapScore[at] = score;
        heapUnit[at] = unit;
      } else if (k > 0 && worse(heapScore[0]!, heapUnit[0]!, score, unit)) {
        // Replace the worst kept, then sift down (the worse child moves up).
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= k) break;
          if (child + 1 < k && worse(heapScore[child + 1]!, heapUnit[child + 1]!, heapScore[child]!, heapUnit[child]!)) child++;
          if (worse(score, unit, heapScore[child]!, heapUnit[child]!)) break;
          heapScore[at] = heapScore[child]!;
          heapUnit[at] = heapUnit[child]!;
          at = child;
        }
        heapScore[at] = score;
        heapUnit[at] = unit;
      }
    }
    const hits: Hit[] = [];
    for (let h = 0; h < size; h++) {
      const unit = heapUnit[h]!;
      const group = unitGroup[unit]!;
      hits.push({ unit, group, score: heapScore[h]!, unitMask: unitMask[unit]! & ~SEEDED, groupMask: groupMask[group]! });
    }

    for (let t = 0; t < touchedCount; t++) {
      unitScore[touchedUnits[t]!] = 0;
      unitMask[touchedUnits[t]!] = 0;
    }
    for (let t = 0; t < touchedGroups.length; t++) {
      groupScore[touchedGroups[t]!] = 0;
      groupMask[touchedGroups[t]!] = 0;
    }
    // Highest scores first; ties by position in the knowledge, for stable answers.
    return hits.sort((x, y) => y.score - x.score || x.unit - y.unit);
  }
}

/** Does (scoreA, unitA) rank below (scoreB, unitB): a lower score, or the same score later in the knowledge? */
function worse(scoreA: number, unitA: number, scoreB: number, unitB: number): boolean {
  return scoreA < scoreB || (scoreA === scoreB && unitA > unitB);
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function grow<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}
