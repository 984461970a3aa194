/**
 * Ships built pages without the runtime's <script> tags: `deferredRuntimeTemplate` (the config's
 * ssrTemplate) lists their URLs in a JSON block, and the plugin inlines src/client/before-runtime.ts
 * at the end of <body>, which loads them when a reader reaches for something they drive. The same
 * template holds the first paint until the page is parsed whole.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import type {Plugin} from '@docusaurus/types';
import ts from 'typescript';

const BEFORE_RUNTIME = resolve(__dirname, '../client/before-runtime.ts');

/** The empty element after the page's content whose arrival lets the browser paint (see the template). */
export const PARSED_MARKER_ID = '__docusaurus-parsed';

/**
 * Docusaurus' own SSG template (ssgTemplate.html.js), but for how it lists the runtime's scripts and
 * one render-blocking link. A paint while the parser is still inside the page lays out a half-built
 * navbar, table or footer, which then moves as the rest arrives (a layout shift). So the first
 * paint waits for an empty marker after #__docusaurus. Measured in Chromium: with the root itself
 * as the target, rendering was unblocked as soon as its start tag was parsed; an empty element
 * that follows everything is whole when it arrives, whichever rule a browser applies.
 */
export const deferredRuntimeTemplate = `
<!DOCTYPE html>
<html <%~ it.htmlAttributes %>>
  <head>
    <meta charset="UTF-8">
    <link rel="expect" href="#${PARSED_MARKER_ID}" blocking="render">
    <meta name="generator" content="Docusaurus v<%= it.version %>">
    <% it.metaAttributes.forEach((metaAttribute) => { %>
      <%~ metaAttribute %>
    <% }); %>
    <%~ it.headTags %>
    <% it.stylesheets.forEach((stylesheet) => { %>
      <link rel="stylesheet" href="<%= it.baseUrl %><%= stylesheet %>" />
    <% }); %>
    <script type="application/json" id="__runtime-scripts"><%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %></script>
  </head>
  <body <%~ it.bodyAttributes %>>
    <%~ it.preBodyTags %>
    <div id="__docusaurus"><%~ it.appHtml %></div>
    <template id="${PARSED_MARKER_ID}"></template>
    <%~ it.postBodyTags %>
  </body>
</html>
`;

/** The script as the browser runs it: TypeScript types removed, no module syntax. */
export function beforeRuntimeScript(): string {
  const {outputText, diagnostics} = ts.transpileModule(readFileSync(BEFORE_RUNTIME, 'utf8'), {
    fileName: BEFORE_RUNTIME,
    reportDiagnostics: true,
    compilerOptions: {target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: true},
  });
  if (diagnostics?.length) {
    throw new Error(`${BEFORE_RUNTIME}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
  }
  // The file is a module only for the type checker; inline, it runs as a classic script in its own scope.
  return `(()=>{${outputText.replace(/^export \{\};$/m, '')}})();`;
}

export default function deferredRuntime(): Plugin {
  const script = beforeRuntimeScript();
  return {
    name: 'deferred-runtime',
    getPathsToWatch: () => [BEFORE_RUNTIME],
    injectHtmlTags() {
      return {postBodyTags: [{tagName: 'script', innerHTML: script}]};
    },
  };
}
