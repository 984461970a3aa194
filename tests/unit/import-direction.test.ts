/**
 * Imports point one way through the layers (README, "How the folders show the data's way"):
 * src/lib (the guide's model) imports only itself; the rest of src/ imports src/; scripts/ imports
 * scripts/ and the model; tests/ imports anything. Imports are read with the TypeScript compiler's
 * pre-processor, so `import`, `export … from`, `import()` and `require()` all count.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {posix} from 'node:path';
import {test} from 'node:test';
import ts from 'typescript';
import {SITE_ROOT} from '../../src/lib/mdx-scan';

interface SourceFile {
  /** Repository-relative path, e.g. `src/rehype/excerpts.ts`. */
  path: string;
  text: string;
}

/** Which folders a file's layer may import from; the first matching prefix wins. */
const LAYERS: Array<{layer: string; mayImport: string[]}> = [
  {layer: 'src/lib/', mayImport: ['src/lib/']},
  {layer: 'src/', mayImport: ['src/']},
  {layer: 'scripts/', mayImport: ['scripts/', 'src/lib/']},
  {layer: 'tests/', mayImport: ['tests/', 'scripts/', 'src/']},
];

/** The repository-relative module an import names, or null for a package import. */
function importTarget(from: string, specifier: string): string | null {
  if (specifier.startsWith('@site/')) return specifier.slice('@site/'.length);
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** One message per import that runs against the layers, naming the file, line and import. */
export function importViolations(files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const rule = LAYERS.find((l) => file.path.startsWith(l.layer));
    if (!rule) continue;
    const {importedFiles} = ts.preProcessFile(file.text, true, true);
    for (const imported of importedFiles) {
      const target = importTarget(file.path, imported.fileName);
      if (target === null || rule.mayImport.some((allowed) => target.startsWith(allowed))) continue;
      const line = file.text.slice(0, imported.pos).split('\n').length;
      problems.push(`${file.path}:${line} imports '${imported.fileName}' (${target}); ${rule.layer} may import only ${rule.mayImport.join(', ')}`);
    }
  }
  return problems;
}

function trackedSources(): SourceFile[] {
  const list = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts', 'tests'], {cwd: SITE_ROOT, encoding: 'utf8'});
  return list
    .split('\n')
    .filter((p) => /\.(ts|tsx|js|mjs|cjs)$/.test(p) && !p.startsWith('tests/fixtures/'))
    .map((path) => ({path, text: readFileSync(posix.join(SITE_ROOT, path), 'utf8')}));
}

test('no import in src/, scripts/ or tests/ runs back up the layers', () => {
  const files = trackedSources();
  assert.ok(files.length > 50, `expected the repository's sources, found ${files.length} files`);
  assert.deepEqual(importViolations(files), []);
});

test('the rule names the file, line and import of each violation', () => {
  const violations = importViolations([
    {path: 'src/rehype/a.ts', text: "import {x} from '../../scripts/excerpts/sync';\n"},
    {path: 'src/lib/b.ts', text: "// model\nexport {y} from '../plugins/reference-data';\n"},
    {path: 'scripts/bench/c.ts', text: "\n\nconst m = await import('../../tests/support/start-site');\n"},
    {path: 'src/components/D/index.tsx', text: "import type {R} from '@site/tests/support/excerpts';\n"},
    {path: 'scripts/e.ts', text: "import {CILIUM_COMMIT} from '../src/lib/cilium';\nimport ts from 'typescript';\n"},
    {path: 'src/theme/F.tsx', text: "import {startSite} from '@site/src/lib/cilium';\n"},
  ]);
  assert.deepEqual(violations, [
    "src/rehype/a.ts:1 imports '../../scripts/excerpts/sync' (scripts/excerpts/sync); src/ may import only src/",
    "src/lib/b.ts:2 imports '../plugins/reference-data' (src/plugins/reference-data); src/lib/ may import only src/lib/",
    "scripts/bench/c.ts:3 imports '../../tests/support/start-site' (tests/support/start-site); scripts/ may import only scripts/, src/lib/",
    "src/components/D/index.tsx:1 imports '@site/tests/support/excerpts' (tests/support/excerpts); src/ may import only src/",
  ]);
});
