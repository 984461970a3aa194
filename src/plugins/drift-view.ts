/**
 * The drift data (src/data/drift.json) shaped for the pages: excerpt counts per guide page of one
 * locale, and per reference table the rows removed at the target (by anchor) and the rows new
 * there (with permalinks at the target). reference-data.ts ships it with the reference rows.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {ciliumPermalinkAt} from '../lib/cilium';
import {DRIFT_STATUSES, type DriftData, type DriftStatus, REFERENCE_TABLES, type ReferenceTable} from '../lib/drift';
import {type Locale, contentDirs, scanSite} from '../lib/mdx-scan';

export interface DriftPageSummary {
  /** The doc route, e.g. /docs/ebpf/maps. */
  route: string;
  title: string;
  counts: Record<DriftStatus, number>;
  /** Excerpts that are no longer byte-identical at the same lines, in page order. */
  excerpts: Array<{id: string; status: DriftStatus}>;
}

export interface AddedRow {
  name: string;
  file: string;
  line: number;
  permalink: string;
}

export type TableDriftView =
  | {status: 'compared'; present: number; removed: Array<{name: string; anchor: string}>; added: AddedRow[]}
  | {status: 'failed'; error: string};

export interface DriftView {
  label: string;
  to: string;
  command: string;
  pages: DriftPageSummary[];
  tables: Record<ReferenceTable, TableDriftView>;
}

/** `title:` of a page's front matter (quoted or not). */
function frontMatterTitle(source: string, file: string): string {
  const match = /^---\r?\n[\s\S]*?^title:\s*(.+?)\s*$/m.exec(source);
  if (!match) throw new Error(`${file}: front matter has no title`);
  const raw = match[1];
  return /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
}

/** Guide pages of `locale` that quote code, in sidebar-independent path order. */
function pageSummaries(siteDir: string, locale: Locale, drift: DriftData): DriftPageSummary[] {
  const docsDir = contentDirs(locale, siteDir)[0];
  const out: DriftPageSummary[] = [];
  for (const [key, page] of scanSite(siteDir)[locale]) {
    if (!key.startsWith('docs/') || page.excerpts.length === 0) continue;
    const rel = key.slice('docs/'.length);
    const counts = Object.fromEntries(DRIFT_STATUSES.map((s) => [s, 0])) as Record<DriftStatus, number>;
    const excerpts: DriftPageSummary['excerpts'] = [];
    for (const ref of page.excerpts) {
      const entry = drift.excerpts[ref.attrs.id];
      if (!entry) throw new Error(`${page.file}:${ref.at}: excerpt "${ref.attrs.id}" has no entry in src/data/drift.json; run npm run drift.`);
      counts[entry.status]++;
      if (entry.status !== 'unchanged') excerpts.push({id: ref.attrs.id, status: entry.status});
    }
    out.push({
      route: `/docs/${rel.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}`,
      title: frontMatterTitle(readFileSync(join(docsDir, rel), 'utf8'), page.file),
      counts,
      excerpts,
    });
  }
  return out;
}

/**
 * `anchorOf(table, key)` names the reference row a pinned key stands for (undefined when the page
 * shows no such row), so removed rows link to where the table marks them.
 */
export function buildDriftView(siteDir: string, locale: Locale, drift: DriftData, anchorOf: (table: ReferenceTable, key: string) => string | undefined): DriftView {
  const tables = {} as Record<ReferenceTable, TableDriftView>;
  for (const table of REFERENCE_TABLES) {
    const t = drift.reference[table];
    tables[table] =
      t.status === 'failed'
        ? t
        : {
            status: 'compared',
            present: t.present,
            removed: t.removed.map((r) => {
              const anchor = anchorOf(table, r.key);
              if (!anchor) throw new Error(`src/data/drift.json: removed ${table} row "${r.key}" is not a row of the reference data; run npm run drift.`);
              return {name: r.name, anchor};
            }),
            added: t.added.map((r) => ({name: r.name, file: r.file, line: r.line, permalink: ciliumPermalinkAt(drift.to, r.file, r.line)})),
          };
  }
  return {label: drift.label, to: drift.to, command: drift.command, pages: pageSummaries(siteDir, locale, drift), tables};
}
