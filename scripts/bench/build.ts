/** A cold production build of both locales under /usr/bin/time -v: wall time, per-locale split, peak RSS. */
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {SITE_ROOT} from '../../src/lib/mdx-scan';

export interface BuildResult {
  ok: boolean;
  /** Wall time of the whole build, both locales, from a cold cache. */
  seconds: number;
  /** Seconds from the start to each locale's "[SUCCESS] Generated static files". */
  localeDoneAt: Record<string, number>;
  /** GNU time's "Maximum resident set size" of the build process, in MiB. */
  maxRssMiB: number | null;
  cleared: string[];
  command: string;
  /** The last lines of output when the build failed. */
  tail?: string;
}

/** Clears the generated-files dir and the bundler cache, then builds both locales into build/. */
export async function coldBuild(log: (line: string) => void): Promise<BuildResult> {
  const generated = process.env.DOCUSAURUS_GENERATED_FILES_DIR_NAME ?? '.docusaurus';
  const cleared = [generated, 'node_modules/.cache'].filter((dir) => existsSync(join(SITE_ROOT, dir)));
  for (const dir of cleared) rmSync(join(SITE_ROOT, dir), {recursive: true, force: true});
  const cli = join(SITE_ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
  const args = ['-v', process.execPath, cli, 'build'];
  const command = `/usr/bin/time ${args.join(' ')}`;
  log(`cold build: cleared ${cleared.join(', ') || '(nothing to clear)'}; ${command}`);
  const started = performance.now();
  const localeDoneAt: Record<string, number> = {};
  const lines: string[] = [];
  let locale = 'en';
  const code = await new Promise<number>((resolve) => {
    const child = spawn('/usr/bin/time', args, {cwd: SITE_ROOT, env: {...process.env, FORCE_COLOR: '0'}});
    // A chunk may end inside a line (GNU time's report came split so, and its peak RSS was lost): keep
    // each stream's unfinished line until the rest arrives.
    const onData = (partial: {text: string}) => (chunk: string | null) => {
      partial.text += chunk ?? '\n';
      const complete = partial.text.split('\n');
      partial.text = complete.pop()!;
      for (const line of complete) {
        if (!line.trim()) continue;
        lines.push(line);
        const building = /\[(\S+)\] Creating an optimized production build/.exec(line);
        if (building) locale = building[1];
        if (/\[SUCCESS\] Generated static files/.test(line)) localeDoneAt[locale] = (performance.now() - started) / 1000;
      }
    };
    const [out, err] = [onData({text: ''}), onData({text: ''})];
    child.stdout.setEncoding('utf8').on('data', out);
    child.stderr.setEncoding('utf8').on('data', err);
    child.on('close', (c) => {
      out(null);
      err(null);
      resolve(c ?? 1);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const all = lines.join('\n');
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(all);
  const result: BuildResult = {
    ok: code === 0,
    seconds,
    localeDoneAt,
    maxRssMiB: rss ? Number(rss[1]) / 1024 : null,
    cleared,
    command,
  };
  if (code !== 0) result.tail = lines.filter((l) => !/^\s+(at |[A-Z][a-z ]+\(.*\): )/.test(l)).slice(-30).join('\n');
  log(`cold build: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds.toFixed(1)} s, peak RSS ${result.maxRssMiB?.toFixed(0) ?? '?'} MiB`);
  return result;
}

/** Bytes of every file under `dir`, skipping `skip` (a child directory name). */
export function dirBytes(dir: string, skip?: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) total += name === skip ? 0 : dirBytes(full);
    else total += st.size;
  }
  return total;
}
