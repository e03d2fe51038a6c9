// Rebuilds ayaspell-ar.txt.gz, the Arabic word list `words.ts` reads, from Ayaspell's
// hunspell dictionary (Debian's hunspell-ar):
//   apt-get download hunspell-ar && dpkg-deb -x hunspell-ar_*.deb /tmp/hunspell-ar
//   npx tsx src/text/data/build-word-list.ts /tmp/hunspell-ar/usr/share/hunspell/ar.dic
// Each entry's stem (its affix flags dropped), normalised as the text is, one per line.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { normalize } from "../normalize.ts";

const dic = process.argv[2] ?? "/usr/share/hunspell/ar.dic";
const words = new Set<string>();
for (const line of readFileSync(dic, "utf8").split("\n").slice(1)) {
  const word = normalize(line.split(/[/\t]/)[0]!.trim());
  if (/^[\u0621-\u064A]{2,}$/.test(word)) words.add(word);
}
const out = new URL("./ayaspell-ar.txt.gz", import.meta.url);
writeFileSync(out, gzipSync([...words].sort().join("\n") + "\n", { level: 9 }));
console.log(`${words.size} words → ${out.pathname}`);
