// The ISRI Arabic stemmer (Taghva, Elkhoury and Coombs, 2005), as NLTK implements it:
// it strips affixes, then matches the word against the common derivational patterns
// (مفعل، تفعيل، افتعال، استفعل…) to reach a three- or four-letter root. So «تبسيط»,
// «المبسط» and «أبسط» all meet at «بسط». Far too coarse to rank by; the engine uses it
// only to place a question word the text does not hold. Input is normalised text, so
// ة is already ه and ئ is already ي.

const PREFIX3 = ["كال", "بال", "ولل", "وال"];
const PREFIX2 = ["ال", "لل"];
const SUFFIX3 = ["تمل", "همل", "تان", "تين", "كمل"];
const SUFFIX2 = ["ون", "ات", "ان", "ين", "تن", "كم", "هن", "نا", "يا", "ها", "تم", "كن", "ني", "وا", "ما", "هم"];
const SUFFIX1 = ["ه", "ي", "ك", "ت", "ا", "ن"];
const PREFIX1 = ["ل", "ب", "ف", "س", "و", "ي", "ت", "ن", "ا"];

const strip1Suffix = (w: string) => (SUFFIX1.some((s) => w.endsWith(s)) ? w.slice(0, -1) : w);
const strip1Prefix = (w: string) => (PREFIX1.some((p) => w.startsWith(p)) ? w.slice(1) : w);

function length4(w: string): string {
  if (w[0] === "م") return w.slice(1); // مفعل
  if (w[1] === "ا") return w[0] + w.slice(2); // فاعل
  if ("اوي".includes(w[2]!)) return w.slice(0, 2) + w[3]; // فعال فعول فعيل
  if (w[3] === "ه") return w.slice(0, -1); // فعلة
  w = strip1Suffix(w);
  return w.length === 4 ? strip1Prefix(w) : w;
}

function length5(w: string): string {
  const [a, b, c, d, e] = w as unknown as string[];
  if ("ات".includes(c!) && a === "ا") return b + w.slice(3); // افتعل افاعل
  if ("ايو".includes(d!) && a === "م") return w.slice(1, 3) + e; // مفعول مفعال مفعيل
  if ("اتم".includes(a!) && e === "ه") return w.slice(1, 4); // مفعلة تفعلة افعلة
  if ("ميت".includes(a!) && c === "ت") return b + w.slice(3); // مفتعل يفتعل تفتعل
  if ("مت".includes(a!) && c === "ا") return b + w.slice(3); // مفاعل تفاعل
  if ("او".includes(c!) && e === "ه") return w.slice(0, 2) + d; // فعولة فعالة
  if ("ام".includes(a!) && b === "ن") return w.slice(2); // انفعل منفعل
  if (d === "ا" && a === "ا") return w.slice(1, 3) + e; // افعال
  if (e === "ن" && d === "ا") return w.slice(0, 3); // فعلان
  if (d === "ي" && a === "ت") return w.slice(1, 3) + e; // تفعيل
  if (d === "و" && b === "ا") return a! + c + e; // فاعول
  if (c === "ا" && b === "و") return a + w.slice(3); // فواعل
  if (d === "ي" && c === "ا") return w.slice(0, 2) + e; // فعائل (ئ is ي once normalised)
  if (e === "ه" && b === "ا") return a + w.slice(2, 4); // فاعلة
  if (e === "ي" && c === "ا") return w.slice(0, 2) + d; // فعالي
  w = strip1Suffix(w);
  return w.length === 5 ? strip1Prefix(w) : w;
}

/** The four-letter-root patterns, for a five-letter word left over. */
function length5Quad(w: string): string {
  if ("اتم".includes(w[0]!)) return w.slice(1); // تفعلل افعلل مفعلل
  if (w[4] === "ه") return w.slice(0, 4); // فعللة
  if (w[2] === "ا") return w.slice(0, 2) + w.slice(3); // فعالل
  return w;
}

function endOf5(w: string): string {
  if (w.length === 4) return length4(w);
  if (w.length === 5) return length5Quad(w);
  return w;
}

function length6(w: string): string {
  if (w.startsWith("است") || w.startsWith("مست")) return w.slice(3); // استفعل مستفعل
  if (w[0] === "م" && w[3] === "ا" && w[5] === "ه") return w.slice(1, 3) + w[4]; // مفعالة
  if (w[0] === "ا" && w[2] === "ت" && w[4] === "ا") return w[1]! + w[3] + w[5]; // افتعال
  if (w[0] === "ا" && w[3] === "و" && w[2] === w[5]) return w[1] + w.slice(4); // افعوعل
  if (w[0] === "ت" && w[2] === "ا" && w[4] === "ي") return w[1]! + w[3] + w[5]; // تفاعيل
  w = strip1Suffix(w);
  return w.length === 6 ? strip1Prefix(w) : w;
}

function endOf6(w: string): string {
  if (w.length === 5) return endOf5(length5(w));
  if (w.length === 6) {
    if (w[0] === "ا" && w[4] === "ا") return w.slice(1, 4) + w[5]; // افعلال
    if (w.startsWith("مت")) return w.slice(2); // متفعلل
  }
  return w;
}

export function isriRoot(word: string): string {
  if (!/^[\u0621-\u064A]+$/.test(word)) return word;
  let w = word;
  if (w.length >= 6) {
    const p = PREFIX3.find((x) => w.startsWith(x));
    if (p) w = w.slice(3);
  }
  if (w === word && w.length >= 5) {
    const p = PREFIX2.find((x) => w.startsWith(x));
    if (p) w = w.slice(2);
  }
  const before = w;
  if (w.length >= 6) {
    const s = SUFFIX3.find((x) => w.endsWith(x));
    if (s) w = w.slice(0, -3);
  }
  if (w === before && w.length >= 5) {
    const s = SUFFIX2.find((x) => w.endsWith(x));
    if (s) w = w.slice(0, -2);
  }
  if (w.length >= 4 && w.startsWith("وو")) w = w.slice(1);
  switch (w.length) {
    case 4:
      return length4(w);
    case 5:
      return endOf5(length5(w));
    case 6:
      return endOf6(length6(w));
    case 7: {
      w = strip1Suffix(w);
      if (w.length === 7) w = strip1Prefix(w);
      return w.length === 6 ? endOf6(length6(w)) : w;
    }
    default:
      return w;
  }
}
