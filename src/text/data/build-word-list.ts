// Rebuilds ayaspell-ar.txt.gz and ayaspell-ar-verbs.txt.gz, the Arabic word lists `words.ts`
// reads, from Ayaspell's hunspell dictionary (Debian's hunspell-ar):
//   apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_*.deb /tmp/hunspell-ar
//   npx tsx src/text/data/build-word-list.ts /tmp/hunspell-ar/usr/share/hunspell/ar.dic
// Each entry's stem (its affix flags dropped), normalised as the text is, one per line; the
// verbs are those of the dictionary's verb part (its file verb.huns.dic).
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { normalize } from "../normalize.ts";

const dic = process.argv[2] ?? "/usr/share/hunspell/ar.dic";
const words = new Set<string>();
const verbs = new Set<string>();
let part = "";
const lines = readFileSync(dic, "utf8").split("\n").slice(1);
for (let i = 0; i < lines.length; i++) {
  // The parts are headed «::::», the part's file name, «::::».
  if (lines[i]!.startsWith("::::")) {
    part = lines[i + 1]!.trim();
    i += 2;
    continue;
  }
  const word = normalize(lines[i]!.split(/[/\t]/)[0]!.trim());
  if (!/^[\u0621-\u064A]{2,}$/.test(word)) continue;
  words.add(word);
  if (part === "verb.huns.dic") verbs.add(word);
}
for (const [name, list] of [["ayaspell-ar.txt.gz", words], ["ayaspell-ar-verbs.txt.gz", verbs]] as const) {
  const out = new URL(`./${name}`, import.meta.url);
  writeFileSync(out, gzipSync([...list].sort().join("\n") + "\n", { level: 9 }));
  console.log(`${list.size} words → ${out.pathname}`);
}
