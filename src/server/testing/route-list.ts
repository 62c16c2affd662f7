// The routes an app registers, as "METHOD /path" keys, read from Fastify's own route tree (printRoutes): the
// authorisation matrix test compares them with its table, so a route added anywhere cannot skip it.
import type { FastifyInstance } from 'fastify';

/**
 * Parses `printRoutes({ commonPrefix: false })`: each line is `<indent>├── <segment> (<METHODS>)`, indented by four
 * characters per level, and a node's path is its ancestors' segments joined. HEAD routes are left out: Fastify adds
 * one to every GET (exposeHeadRoutes) with the same handler and hooks.
 */
export function parseRouteTree(tree: string): string[] {
  const routes = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const path = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.add(`${method} ${path}`);
  }
  return [...routes].sort();
}

/**
 * Every API route of a ready app, sorted. The web app's files (`GET *`, registered only where `dist/web` has been
 * built) hold no data and are public: they are not the matrix's concern.
 */
export function listRoutes(app: FastifyInstance): string[] {
  return parseRouteTree(app.printRoutes({ commonPrefix: false })).filter((route) => route.split(' ')[1].startsWith('/api'));
}
