// ESLint rule: the layers and module surfaces of docs/architecture.md, checked on every relative import.
//   src/core/**                 imports only src/core (pure logic shared by browser and server, no I/O)
//   src/web/**                  never imports src/server
//   src/server/modules/<m>/**   imports another module only through src/server/modules/<other>/index.ts
//   anything outside a module   (app.ts, policy, http, main.ts, demo) likewise only through a module's index.ts
// Tests (*.test.ts), test builders (src/server/testing) and benchmarks (bench/) may reach into modules to set up
// what they assert on or measure.
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const moduleOf = (file) => /^src\/server\/modules\/([^/]+)\//.exec(file)?.[1];

function problem(from, to) {
  if (from.startsWith('src/core/') && !to.startsWith('src/core/'))
    return 'src/core 只能引用 src/core：core is pure and imports nothing of server or web';
  if (from.startsWith('src/web/') && to.startsWith('src/server/')) return 'the web app never imports server code: share it through src/core';
  const target = moduleOf(to);
  if (!target || moduleOf(from) === target) return null;
  if (/\.test\.tsx?$/.test(from) || from.startsWith('src/server/testing/') || from.startsWith('bench/')) return null;
  if (to === `src/server/modules/${target}/index.ts` || to === `src/server/modules/${target}/index.js`) return null;
  return `module "${target}" is reached only through src/server/modules/${target}/index.ts`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: { type: 'problem', docs: { description: 'layer and module boundaries' }, schema: [] },
  create(context) {
    const from = rel(context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = rel(path.resolve(path.dirname(context.filename), source)).replace(/\.js$/, '.ts');
      const message = problem(from, to);
      if (message) context.report({ node: node.source, message: `${message} (${source})` });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
