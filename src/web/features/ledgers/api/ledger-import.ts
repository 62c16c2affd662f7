import { api } from '../../../lib/api-client';
import type { LedgerImport } from './types';

const base = (key: string) => `/api/ledgers/${encodeURIComponent(key)}/imports`;

/** Uploads a file: small ones come back checked (`ready`), large ones still `parsing`. */
export function startImport(key: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<LedgerImport>(base(key), form);
}

export const getImport = (key: string, id: string) => api.get<LedgerImport>(`${base(key)}/${id}`);

export const commitImport = (key: string, id: string) => api.post<LedgerImport>(`${base(key)}/${id}/commit`);
