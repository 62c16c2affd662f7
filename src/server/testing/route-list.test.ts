import { describe, expect, it } from 'vitest';
import { parseRouteTree } from './route-list.js';

describe('parseRouteTree', () => {
  it('joins each node to its ancestors and leaves out HEAD', () => {
    const tree = [
      '├── /api/health (GET, HEAD)',
      '│   └── /ready (GET, HEAD)',
      '├── /api/org-units (GET, HEAD, POST)',
      '│   ├── /merge (POST)',
      '│   │   └── -progress (GET, HEAD)',
      '│   │       └── /export (GET, HEAD)',
      '│   └── /:code (GET, HEAD, PATCH)',
      '│       └── /close (POST)',
      '└── /api/ledgers/',
      '    └── :key/records.xlsx (GET, HEAD)',
    ].join('\n');
    expect(parseRouteTree(tree)).toEqual([
      'GET /api/health',
      'GET /api/health/ready',
      'GET /api/ledgers/:key/records.xlsx',
      'GET /api/org-units',
      'GET /api/org-units/:code',
      'GET /api/org-units/merge-progress',
      'GET /api/org-units/merge-progress/export',
      'PATCH /api/org-units/:code',
      'POST /api/org-units',
      'POST /api/org-units/:code/close',
      'POST /api/org-units/merge',
    ]);
  });
});
