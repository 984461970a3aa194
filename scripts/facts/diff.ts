/** A readable summary of how two versions of a fact file differ: items added, removed, changed (by key). */

type Json = Record<string, unknown>;

/** How to find the items of each file and name one. */
const ITEMS: Record<string, {list: (f: Json) => Json[]; key: (item: Json) => string}> = {
  'programs.json': {list: (f) => f.programs as Json[], key: (p) => `${p.object} ${p.name}`},
  'tailcalls.json': {list: (f) => f.tailCalls as Json[], key: (t) => `${t.object} ${t.function}`},
  'maps.json': {list: (f) => f.maps as Json[], key: (m) => `${m.file} ${m.name}`},
  'cells.json': {list: (f) => flattenModules(f.tree as Json, ''), key: (m) => m.path as string},
};

/** At most this many lines per file, so a big drift stays readable. */
const MAX_LINES = 40;

export function diffFacts(name: string, oldFile: unknown, newFile: unknown): string[] {
  const spec = ITEMS[name];
  const before = oldFile as Json;
  const after = newFile as Json;
  const lines = headerChanges(before, after, spec ? new Set(['programs', 'tailCalls', 'maps', 'tree']) : new Set());
  if (spec) lines.push(...itemChanges(keyed(spec.list(before) ?? [], spec.key), keyed(spec.list(after) ?? [], spec.key)));
  const shown = lines.slice(0, MAX_LINES).map((l) => `${name}: ${l}`);
  if (lines.length > MAX_LINES) shown.push(`${name}: ... and ${lines.length - MAX_LINES} more differences`);
  return shown.length > 0 ? shown : [`${name}: differs (formatting only)`];
}

function headerChanges(before: Json, after: Json, itemFields: Set<string>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((f) => !itemFields.has(f) && stable(before[f]) !== stable(after[f])).map((f) => `${f}: ${short(before[f])} -> ${short(after[f])}`);
}

function itemChanges(before: Map<string, Json>, after: Map<string, Json>): string[] {
  const out: string[] = [];
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old) out.push(`+ ${key}`);
    else if (stable(old) !== stable(item)) out.push(`~ ${key}: ${fieldChanges(old, item).join('; ')}`);
  }
  for (const key of before.keys()) if (!after.has(key)) out.push(`- ${key}`);
  return out;
}

function fieldChanges(old: Json, item: Json): string[] {
  const fields = new Set([...Object.keys(old), ...Object.keys(item)]);
  return [...fields].filter((f) => stable(old[f]) !== stable(item[f])).map((f) => `${f} ${short(old[f])} -> ${short(item[f])}`);
}

/** Items by key; a repeated key gets a #n suffix so nothing is lost. */
function keyed(items: Json[], key: (item: Json) => string): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const item of items) {
    let k = key(item);
    for (let n = 2; out.has(k); n++) k = `${key(item)} #${n}`;
    out.set(k, item);
  }
  return out;
}

/** Modules as a flat list keyed by their id path, children replaced by their ids. */
function flattenModules(module: Json | undefined, prefix: string): Json[] {
  if (!module) return [];
  const path = prefix ? `${prefix}/${module.id}` : String(module.id);
  const children = (module.children as Json[]) ?? [];
  const own = {...module, path, children: children.map((c) => c.id)};
  return [own, ...children.flatMap((c) => flattenModules(c, path))];
}

function stable(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function short(value: unknown): string {
  const text = stable(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
