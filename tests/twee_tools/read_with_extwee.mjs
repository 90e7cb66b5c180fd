// Reads Twee files the way another tool would: extwee parses each file, compiles it to
// Twine 2 HTML (what Twine and every story format load), and parses that HTML back.
// Prints, per file, the story name, the start passage, each passage's name, tags,
// metadata (as extwee read it from the Twee) and link targets, and anything extwee
// complained of (it logs unreadable metadata and repeated names, then carries on), as
// JSON on stdout. Links are found in the compiled passage text with
// the Twine 2 editor's own rules (twinejs src/util/parse-links.ts): extwee itself does
// not look inside passage text.
//
//   node read_with_extwee.mjs story1.twee [story2.twee …]
import { readFileSync } from 'node:fs';
import { parseTwee, parseTwine2HTML } from 'extwee';

function field(link, separator, index) {
  const fields = link.split(separator);
  if (fields.length === 1) return undefined;
  return index < 0 ? fields[fields.length + index] : fields[index];
}

function linkTargets(text) {
  return (text.match(/\[\[.*?\]\]/g) || [])
    .map((tag) => tag.slice(2, -2))
    .map((inner) => field(inner, '][', 0) ?? inner)
    .map((inner) => field(inner, '->', -1) || field(inner, '<-', 0) || field(inner, '|', -1) || inner)
    .filter((target) => target !== '');
}

let complaints = [];
console.info = console.warn = console.error = (...words) => complaints.push(words.join(' '));

const stories = process.argv.slice(2).map((path) => {
  complaints = [];
  const parsed = parseTwee(readFileSync(path, 'utf-8'));
  const metadata = Object.fromEntries(parsed.passages.map((p) => [p.name, p.metadata]));
  const story = parseTwine2HTML(parsed.toTwine2HTML());
  return {
    path,
    name: story.name,
    ifid: story.IFID,
    start: story.start,
    passages: story.passages.map((p) => ({
      name: p.name,
      tags: p.tags,
      metadata: metadata[p.name],
      links: linkTargets(p.text),
    })),
    complaints,
  };
});
process.stdout.write(JSON.stringify(stories));
