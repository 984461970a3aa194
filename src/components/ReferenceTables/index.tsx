/** The Reference pages' tables: entry programs, tail calls and maps, from the generated facts. */
import React, {type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import reference from '@generated/reference-data/default/reference.json';
import FactTable, {type Column, explainedInTheGuide, Ident} from '@site/src/components/FactTable';
import {listLines, textLines} from '@site/src/components/FactTable/card-lines';
import type {Located, MapRow, ProgramRow, ReferenceData, TailCallRow} from '@site/src/plugins/reference-data';
import {DriftNote, RemovedMark} from './Drift';

const data = reference as ReferenceData;

function Source({row}: {row: Located}): ReactNode {
  return (
    <>
      <a href={row.permalink} target="_blank" rel="noopener noreferrer">
        <Ident text={`${row.file}:${row.line}`} />
      </a>
      {row.guide && (
        <>
          {' · '}
          <Link to={row.guide}>{explainedInTheGuide()}</Link>
        </>
      )}
    </>
  );
}

/** A row's name, marked when the row is gone in the newer Cilium the guide compares with. */
const Name = ({row, name}: {row: Located; name: string}) => (
  <>
    <Ident text={name} />
    {row.drift === 'removed' && <RemovedMark />}
  </>
);

/** Generated text in the page's language, `identifiers` in backticks (src/lib/generated-text.ts). */
const Phrase = ({text}: {text: string}) => (
  <>{text.split('`').map((part, i) => (i % 2 === 1 ? <Ident key={i} text={part} /> : part))}</>
);

const Conditions = ({conditions}: {conditions: string[]}) => (conditions.length ? <Ident text={conditionsText(conditions)} /> : <>{conditionsText(conditions)}</>);

// The text each cell shows, for the lines it takes in a card on a phone or a row on a wide screen
// (card-lines.ts); nearly all of it is Ident, which wraps between an identifier's pieces.
const identLines = (text: string, units: number) => textLines(text, units, {identifiers: true});
const sourceText = (row: Located) => `${row.file}:${row.line}${row.guide ? ` · ${explainedInTheGuide()}` : ''}`;
/** The removed mark (Drift.tsx) takes a line of its own at most. */
const nameLines = (row: Located, name: string, units: number) => identLines(name, units) + (row.drift === 'removed' ? 1 : 0);
const conditionsText = (conditions: string[]) => (conditions.length ? conditions.join(' && ') : translate({id: 'reference.always', message: 'always'}));

/** Before the program array key of a prog-array row's attach item. */
const attachKey = () => translate({id: 'reference.attach.key', message: 'key', description: 'Before the program array key of a prog-array row'});

const label = {
  name: () => translate({id: 'reference.col.name', message: 'Name'}),
  source: () => translate({id: 'reference.col.source', message: 'Defined at'}),
  object: () => translate({id: 'reference.col.object', message: 'Object'}),
  condition: () => translate({id: 'reference.col.condition', message: 'Compiled when'}),
};

export function ProgramsTable(): ReactNode {
  const columns: Column<ProgramRow>[] = [
    {label: label.name(), width: '22%', cell: (r) => <Name row={r} name={r.name} />, sortBy: (r) => r.name, lines: (r, units) => nameLines(r, r.name, units)},
    {label: translate({id: 'reference.col.section', message: 'ELF section'}), width: '14%', cell: (r) => <Ident text={r.section} />, sortBy: (r) => r.section, lines: (r, units) => identLines(r.section, units)},
    {label: label.object(), width: '15%', cell: (r) => <Ident text={r.objectSource} />, sortBy: (r) => r.objectSource, lines: (r, units) => identLines(r.objectSource, units)},
    {
      label: translate({id: 'reference.col.attach', message: 'Where the agent attaches it'}),
      width: '34%',
      cell: (r) => (
        <ul className="clean-list">
          {r.attach.map((a) => (
            <li key={`${a.hook}-${a.target}-${a.via.line}`}>
              <code>{a.hook}</code>{' '}
              {a.detail && (
                <>
                  {a.hook === 'prog-array' && `${attachKey()} `}
                  <Ident text={a.detail} />{' '}
                </>
              )}
              — <Phrase text={a.targetText} /> (
              <a href={a.permalink} target="_blank" rel="noopener noreferrer">
                <Ident text={a.via.function ?? a.via.file} />
              </a>
              )
            </li>
          ))}
        </ul>
      ),
      sortBy: (r) => r.attach[0]?.hook ?? '',
      // An item: hook, key, detail, target and the function that attaches it.
      lines: (r, units) => listLines(r.attach.map((a) => `${a.hook} ${a.hook === 'prog-array' && a.detail ? `${attachKey()} ` : ''}${a.detail ?? ''} — ${a.targetText} (${a.via.function ?? a.via.file})`), units, {identifiers: true}),
    },
    {label: label.source(), width: '15%', searchable: false, cell: (r) => <Source row={r} />, sortBy: (r) => `${r.file}:${String(r.line).padStart(6, '0')}`, lines: (r, units) => identLines(sourceText(r), units)},
  ];
  return (
    <>
      <FactTable
        caption={translate({id: 'reference.programs.caption', message: 'Entry programs of the datapath objects'})}
        columns={columns}
        rows={data.programs}
        filterText={(r) => [r.name, r.section, r.objectSource, r.file, ...r.attach.map((a) => `${a.hook} ${a.target}`)].join(' ')}
      />
      <DriftNote table="programs" />
    </>
  );
}

export function TailCallsTable(): ReactNode {
  const columns: Column<TailCallRow>[] = [
    {label: label.name(), width: '28%', cell: (r) => <Name row={r} name={r.function} />, sortBy: (r) => r.function, lines: (r, units) => nameLines(r, r.function, units)},
    {label: translate({id: 'reference.col.index', message: 'Slot'}), width: '16%', cell: (r) => <><Ident text={r.index} /> = {r.value}</>, sortBy: (r) => r.value, lines: (r, units) => identLines(`${r.index} = ${r.value}`, units)},
    // The same few object files on each of the 131 rows: the table's filter finds them, site search need not.
    {label: label.object(), width: '13%', searchable: false, cell: (r) => <Ident text={r.objectSource} />, sortBy: (r) => r.objectSource, lines: (r, units) => identLines(r.objectSource, units)},
    {label: label.condition(), width: '25%', searchable: false, cell: (r) => <Conditions conditions={r.conditions} />, lines: (r, units) => identLines(conditionsText(r.conditions), units)},
    {
      label: label.source(),
      width: '18%',
      searchable: false,
      cell: (r) => (
        <>
          <Source row={r} />
          {r.macro && <> · <Ident text={r.macro} /></>}
        </>
      ),
      sortBy: (r) => `${r.file}:${String(r.line).padStart(6, '0')}`,
      lines: (r, units) => identLines(`${sourceText(r)}${r.macro ? ` · ${r.macro}` : ''}`, units),
    },
  ];
  return (
    <>
      <FactTable
        caption={translate({id: 'reference.tailcalls.caption', message: 'Tail calls, one row per object that compiles them'})}
        columns={columns}
        rows={data.tailCalls}
        filterText={(r) => [r.function, r.index, r.objectSource, r.file, r.macro ?? '', ...r.conditions].join(' ')}
      />
      <DriftNote table="tailCalls" />
    </>
  );
}

export function MapsTable(): ReactNode {
  const columns: Column<MapRow>[] = [
    {label: label.name(), width: '20%', cell: (r) => <Name row={r} name={r.name} />, sortBy: (r) => r.name, lines: (r, units) => nameLines(r, r.name, units)},
    {label: translate({id: 'reference.col.type', message: 'Type'}), width: '8%', cell: (r) => <Ident text={r.type?.replace('BPF_MAP_TYPE_', '') ?? '—'} />, sortBy: (r) => r.type ?? '', lines: (r, units) => identLines(r.type?.replace('BPF_MAP_TYPE_', '') ?? '—', units)},
    {
      label: translate({id: 'reference.col.keyvalue', message: 'Key → value'}),
      width: '12%',
      cell: (r) => (
        <>
          <Ident text={r.key ?? '—'} /> → <Ident text={r.value ?? '—'} />
        </>
      ),
      lines: (r, units) => identLines(`${r.key ?? '—'} → ${r.value ?? '—'}`, units),
    },
    {label: translate({id: 'reference.col.max', message: 'Max entries'}), width: '10%', searchable: false, cell: (r) => <Ident text={r.maxEntries ?? '—'} />, lines: (r, units) => identLines(r.maxEntries ?? '—', units)},
    {label: translate({id: 'reference.col.pinning', message: 'Pinning'}), width: '9%', searchable: false, cell: (r) => (r.pinning ? <Ident text={r.pinning} /> : '—'), sortBy: (r) => r.pinning ?? '', lines: (r, units) => identLines(r.pinning ?? '—', units)},
    {label: label.condition(), width: '16%', searchable: false, cell: (r) => <Conditions conditions={r.conditions} />, lines: (r, units) => identLines(conditionsText(r.conditions), units)},
    {
      label: translate({id: 'reference.col.go', message: 'Go package'}),
      width: '13%',
      cell: (r) =>
        r.go ? (
          <a href={r.go.permalink} target="_blank" rel="noopener noreferrer">
            <Ident text={r.go.package} />
          </a>
        ) : (
          '—'
        ),
      sortBy: (r) => r.go?.package ?? '~',
      lines: (r, units) => identLines(r.go?.package ?? '—', units),
    },
    {label: label.source(), width: '12%', searchable: false, cell: (r) => <Source row={r} />, sortBy: (r) => `${r.file}:${String(r.line).padStart(6, '0')}`, lines: (r, units) => identLines(sourceText(r), units)},
  ];
  return (
    <>
      <FactTable
        caption={translate({id: 'reference.maps.caption', message: 'Maps defined with __section_maps_btf'})}
        columns={columns}
        rows={data.maps}
        filterText={(r) => [r.name, r.type ?? '', r.key ?? '', r.value ?? '', r.file, r.go?.package ?? '', ...r.conditions].join(' ')}
      />
      <DriftNote table="maps" />
    </>
  );
}
