/** Reference → Symbols: every symbol the excerpts link, A–Z, from src/plugins/symbol-index.ts. */
import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import index from '@generated/symbol-index/default/symbols.json';
import FactTable, {type Column, explainedInTheGuide} from '@site/src/components/FactTable';
import {listLines, textLines} from '@site/src/components/FactTable/card-lines';
import type {SymbolDefRow, SymbolIndex, SymbolRow} from '@site/src/plugins/symbol-index';

const data = index as SymbolIndex;


function Definition({def}: {def: SymbolDefRow}): ReactNode {
  return (
    <>
      {def.receiver ? <code>({def.receiver})</code> : def.kindText}{' '}
      <a href={def.permalink} target="_blank" rel="noopener noreferrer">
        <code>
          {def.path}:{def.line}
        </code>
      </a>
      {def.via && <> · <code>{def.via}(…)</code></>}
      {def.condition && <> · <code>#if {def.condition}</code></>}
      {def.guide && (
        <>
          {' · '}
          <Link to={def.guide}>{explainedInTheGuide()}</Link>
        </>
      )}
    </>
  );
}

/** A definition as the text Definition shows, for the lines it takes in a card. */
const definitionText = (def: SymbolDefRow): string =>
  [def.receiver ? `(${def.receiver})` : def.kindText, `${def.path}:${def.line}`, def.via && `· ${def.via}(…)`, def.condition && `· #if ${def.condition}`, def.guide && `· ${explainedInTheGuide()}`]
    .filter(Boolean)
    .join(' ');

/** The lines `list` takes: one item stands alone, more are a list. */
const itemLines = (texts: string[], units: number): number => (texts.length > 1 ? listLines(texts, units) : textLines(texts[0] ?? '—', units));

// One item stands alone: most cells hold one, and a list for each would add two elements to a
// page of a few thousand that a phone lays out.
const list = <T,>(items: T[], item: (t: T) => ReactNode, key: (t: T) => string): ReactNode =>
  items.length > 1 ? (
    <ul className="clean-list">
      {items.map((t) => (
        <li key={key(t)}>{item(t)}</li>
      ))}
    </ul>
  ) : items.length ? (
    item(items[0])
  ) : (
    '—'
  );

export function SymbolsTable(): ReactNode {
  const columns: Column<SymbolRow>[] = [
    {
      label: translate({id: 'reference.col.name', message: 'Name'}),
      width: '20%',
      cell: (r) => (
        <>
          <code>{r.name}</code>
          {r.package && (
            <>
              <br />
              <small>
                <code>{r.package}</code>
              </small>
            </>
          )}
        </>
      ),
      sortBy: (r) => r.name.toLowerCase(),
      lines: (r, units) => textLines(r.name, units) + (r.package ? textLines(r.package, units) : 0),
    },
    {label: translate({id: 'symbols.col.kind', message: 'Kind'}), width: '8%', cell: (r) => r.kinds.join(', '), sortBy: (r) => r.kinds.join(), lines: (r, units) => textLines(r.kinds.join(', '), units)},
    {label: translate({id: 'symbols.col.lang', message: 'Language'}), width: '6%', searchable: false, cell: (r) => (r.lang === 'c' ? 'C' : 'Go'), sortBy: (r) => r.lang},
    {
      label: translate({id: 'symbols.col.definitions', message: 'Definition'}),
      width: '28%',
      cell: (r) => list(r.defs, (d) => <Definition def={d} />, (d) => `${d.path}:${d.line}:${d.kind}`),
      searchable: false,
      lines: (r, units) => itemLines(r.defs.map(definitionText), units),
    },
    {
      label: translate({id: 'symbols.col.excerpts', message: 'Used in excerpts'}),
      width: '20%',
      cell: (r) => list(r.excerpts, (e) => <Link to={e.link}><code>{e.id}</code></Link>, (e) => e.id),
      searchable: false,
      lines: (r, units) => itemLines(r.excerpts.map((e) => e.id), units),
    },
    {
      label: translate({id: 'symbols.col.sections', message: 'Named in the guide'}),
      width: '18%',
      cell: (r) => list(r.sections, (s) => <Link to={s.link}>{s.title}</Link>, (s) => s.link),
      searchable: false,
      lines: (r, units) => itemLines(r.sections.map((s) => s.title), units),
    },
  ];
  return (
    <FactTable
      caption={translate({id: 'symbols.caption', message: 'Symbols the excerpts link to, A–Z'})}
      columns={columns}
      rows={data.rows}
      filterText={(r) => [r.name, r.package ?? '', ...r.kinds, ...r.defs.map((d) => d.path), ...r.excerpts.map((e) => e.id)].join(' ')}
    />
  );
}
