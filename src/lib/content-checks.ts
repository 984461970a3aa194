/**
 * Cross-file rules of the guide's content, run by the build (src/plugins/content-checks.ts)
 * and by the unit tests: both locales hold the same pages, heading ids and excerpts, and every
 * excerpt or source link has exactly one matching, intact entry in src/data/excerpts.json.
 */
import {CILIUM_COMMIT} from './cilium';
import {
  type ExcerptData,
  IDENTITY_ATTRS,
  KNOWN_ATTRS,
  MAX_EXCERPT_LINES,
  SYNC_COMMAND,
  countLines,
  isExcerptId,
  lineInRanges,
  parseLineSpec,
  parseLinkTarget,
  sha256,
} from './excerpt-data';
import {type ExcerptRef, LOCALES, type Locale, type ScannedPage} from './mdx-scan';

export type Site = Record<Locale, Map<string, ScannedPage>>;

/** Same pages, same heading ids (in the same order) and the same excerpts in every locale; every doc page has keywords. */
export function checkLocaleParity(site: Site): string[] {
  const problems: string[] = [];
  const [base, ...others] = LOCALES;
  for (const locale of others) {
    for (const [key, page] of site[base]) {
      const twin = site[locale].get(key);
      if (!twin) {
        problems.push(`${page.file}: has no ${locale} translation (expected a file for ${key} under i18n/${locale}/).`);
        continue;
      }
      problems.push(...compareHeadings(page, twin), ...compareExcerpts(page, twin));
    }
    for (const [key, page] of site[locale]) {
      if (!site[base].has(key)) problems.push(`${page.file}: has no ${base} original (${key}).`);
    }
  }
  for (const locale of LOCALES) {
    for (const [key, page] of site[locale]) {
      problems.push(...page.problems);
      if (key.startsWith('docs/') && page.keywords === null) {
        problems.push(`${page.file}: has no keywords in its front matter; list what a reader would type to find it, e.g. keywords: [tail call, cilium_calls].`);
      }
      for (const h of page.headings) {
        if (h.id === null) problems.push(`${page.file}:${h.line}: heading "${h.text}" has no explicit {/* #id */}.`);
      }
    }
  }
  return problems;
}

function compareHeadings(a: ScannedPage, b: ScannedPage): string[] {
  const idsA = a.headings.map((h) => h.id);
  const idsB = b.headings.map((h) => h.id);
  if (idsA.join() === idsB.join()) return [];
  const onlyA = idsA.filter((id) => !idsB.includes(id));
  const onlyB = idsB.filter((id) => !idsA.includes(id));
  const detail = [
    onlyA.length ? `only in ${a.file}: ${onlyA.join(', ')}` : '',
    onlyB.length ? `only in ${b.file}: ${onlyB.join(', ')}` : '',
    !onlyA.length && !onlyB.length ? 'same ids in a different order' : '',
  ].filter(Boolean);
  return [`${b.file}: heading ids differ from ${a.file} (${detail.join('; ')}).`];
}

function excerptSignature(ref: ExcerptRef): string {
  const identity = IDENTITY_ATTRS.map((name) => `${name}=${ref.attrs[name] ?? ''}`);
  return [...identity, `callouts=${ref.callouts.map((c) => c.line).join(',')}`].join(' ');
}

function compareExcerpts(a: ScannedPage, b: ScannedPage): string[] {
  const problems: string[] = [];
  const byId = new Map(b.excerpts.map((ref) => [ref.attrs.id, ref]));
  for (const ref of a.excerpts) {
    const twin = byId.get(ref.attrs.id);
    if (!twin) {
      problems.push(`${b.file}: lacks excerpt "${ref.attrs.id}" that ${a.file}:${ref.at} shows; translate it there.`);
    } else if (excerptSignature(ref) !== excerptSignature(twin)) {
      problems.push(
        `${b.file}:${twin.at}: excerpt "${ref.attrs.id}" differs from ${a.file}:${ref.at}; ` +
          `path, lines, anchor, highlight and callout lines must match (${excerptSignature(twin)} vs ${excerptSignature(ref)}).`,
      );
    }
    byId.delete(ref.attrs.id);
  }
  for (const [id, ref] of byId) problems.push(`${b.file}:${ref.at}: excerpt "${id}" is not in ${a.file}.`);
  return problems;
}

/** Every reference resolves to exactly one intact data entry; nothing in the data is unused. */
export function checkExcerptData(site: Site, data: ExcerptData): string[] {
  const problems: string[] = [];
  if (data.commit !== CILIUM_COMMIT) {
    problems.push(`src/data/excerpts.json is for Cilium ${data.commit}, src/lib/cilium.ts pins ${CILIUM_COMMIT}.`);
  }
  const used = new Set<string>();
  const usedLinks = new Set<string>();
  for (const locale of LOCALES) {
    const seenIds = new Map<string, string>();
    for (const page of site[locale].values()) {
      for (const ref of page.excerpts) {
        const where = `${page.file}:${ref.at}`;
        const id = ref.attrs.id ?? '';
        if (seenIds.has(id)) problems.push(`${where}: excerpt id "${id}" is already used at ${seenIds.get(id)}.`);
        seenIds.set(id, where);
        used.add(id);
        problems.push(...checkExcerptRef(ref, where, data));
      }
      for (const link of page.ciliumLinks) {
        const where = `${page.file}:${link.at}`;
        usedLinks.add(link.target);
        problems.push(...checkLinkRef(link.target, where, data));
      }
    }
  }
  for (const id of Object.keys(data.excerpts)) {
    if (!used.has(id)) problems.push(`src/data/excerpts.json: excerpt "${id}" is used by no page; run ${SYNC_COMMAND}.`);
  }
  for (const target of Object.keys(data.links)) {
    if (!usedLinks.has(target)) problems.push(`src/data/excerpts.json: link "${target}" is used by no page; run ${SYNC_COMMAND}.`);
  }
  return problems;
}

export function checkExcerptRef(ref: ExcerptRef, where: string, data: ExcerptData): string[] {
  const problems: string[] = [];
  const {id, path, lines} = ref.attrs;
  for (const name of Object.keys(ref.attrs)) {
    if (!KNOWN_ATTRS.has(name)) problems.push(`${where}: <Excerpt> has no attribute "${name}" (known: ${[...KNOWN_ATTRS].join(', ')}).`);
  }
  if (!id || !isExcerptId(id)) problems.push(`${where}: <Excerpt> needs id="lower-case-ascii-id".`);
  if (!path) problems.push(`${where}: <Excerpt> needs path="repo/relative/path".`);
  if (!lines) problems.push(`${where}: <Excerpt> needs lines="from-to".`);
  if (problems.length) return problems;

  let ranges;
  try {
    ranges = parseLineSpec(lines);
  } catch (error) {
    return [`${where}: ${(error as Error).message}.`];
  }
  if (countLines(ranges) > MAX_EXCERPT_LINES) {
    problems.push(`${where}: excerpt "${id}" shows ${countLines(ranges)} lines; quote at most ${MAX_EXCERPT_LINES}.`);
  }
  for (const callout of ref.callouts) {
    const line = Number(callout.line);
    if (!Number.isInteger(line) || !lineInRanges(line, ranges)) {
      problems.push(`${where}: a <Callout line="${callout.line}"> (line ${callout.at}) is outside the excerpt's lines ${lines}.`);
    }
  }
  if (ref.attrs.highlight) {
    try {
      for (const r of parseLineSpec(ref.attrs.highlight.replace(/,\s*/g, ',')))
        if (!lineInRanges(r.from, ranges) || !lineInRanges(r.to, ranges))
          problems.push(`${where}: highlight="${ref.attrs.highlight}" reaches outside lines ${lines}.`);
    } catch (error) {
      problems.push(`${where}: highlight: ${(error as Error).message}.`);
    }
  }

  const stored = data.excerpts[id];
  if (!stored) {
    problems.push(`${where}: excerpt "${id}" is not in src/data/excerpts.json; run ${SYNC_COMMAND}.`);
    return problems;
  }
  for (const name of IDENTITY_ATTRS) {
    if ((stored[name] ?? '') !== (ref.attrs[name] ?? '')) {
      problems.push(
        `${where}: excerpt "${id}" has ${name}="${ref.attrs[name] ?? ''}" but the data has "${stored[name] ?? ''}"; run ${SYNC_COMMAND}.`,
      );
    }
  }
  const text = stored.ranges.flatMap((r) => r.lines);
  if (sha256(text) !== stored.sha256) {
    problems.push(`src/data/excerpts.json: the text of excerpt "${id}" no longer matches its sha256; run ${SYNC_COMMAND}, never edit it by hand.`);
  }
  if (stored.anchor && !(stored.ranges[0]?.lines[0] ?? '').includes(stored.anchor)) {
    problems.push(`${where}: anchor "${stored.anchor}" is not on the first line of excerpt "${id}".`);
  }
  return problems;
}

function checkLinkRef(target: string, where: string, data: ExcerptData): string[] {
  let parsed;
  try {
    parsed = parseLinkTarget(target);
  } catch (error) {
    return [`${where}: ${(error as Error).message}.`];
  }
  const file = data.files[parsed.path];
  if (!file) return [`${where}: cilium:${target} names a file not in src/data/excerpts.json; run ${SYNC_COMMAND}.`];
  if (parsed.to !== undefined && parsed.to > file.lineCount) {
    return [`${where}: cilium:${target} reaches past the end of ${parsed.path} (${file.lineCount} lines).`];
  }
  if (parsed.from !== undefined && !data.links[target]) {
    return [`${where}: cilium:${target} is not in src/data/excerpts.json; run ${SYNC_COMMAND}.`];
  }
  return [];
}
