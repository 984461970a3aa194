/** Reading build/_headers back, and catching Content-Security-Policy violations in Chromium. */
import type {BrowserContext, Page} from 'playwright-core';

export interface ParsedRule {
  path: string;
  headers: Record<string, string>;
}

/** The `_headers` format: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({path: line.trim(), headers: {}});
      continue;
    }
    const at = line.indexOf(':');
    if (!rules.length || at === -1) throw new Error(`_headers: cannot read "${line}"`);
    rules[rules.length - 1].headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return rules;
}

/** Netlify's rule: a trailing `*` matches the rest of the path, anything else matches exactly. */
const ruleMatches = (rule: string, path: string): boolean =>
  rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule;

/**
 * The headers `_headers` gives a path, and any header two matching rules both set (Netlify and
 * Cloudflare would disagree on it).
 */
export function headersFor(rules: ParsedRule[], path: string): {headers: Record<string, string>; conflicts: string[]} {
  const headers: Record<string, string> = {};
  const conflicts: string[] = [];
  for (const rule of rules.filter((r) => ruleMatches(r.path, path))) {
    for (const [name, value] of Object.entries(rule.headers)) {
      if (name in headers) conflicts.push(`${path}: ${name} set by two rules`);
      headers[name] = value;
    }
  }
  return {headers, conflicts};
}

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records every `securitypolicyviolation` of the context's pages, from before their first script. */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => window.cspViolations ?? ['(the watcher did not run)']);
