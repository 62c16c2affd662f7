// POST /api/system/backups: the server makes a backup of the whole database and answers the file. The answer
// starts only once the backup is made (a minute on a large township), then streams; `onProgress` hears both.
import { useMutation } from '@tanstack/react-query';
import { send } from '../../../lib/api-client';

export type BackupProgress = { phase: 'making' } | { phase: 'downloading'; received: number; total: number };

export interface DownloadedBackup {
  fileName: string;
  size: number;
}

async function downloadBackup(onProgress: (p: BackupProgress) => void): Promise<DownloadedBackup> {
  onProgress({ phase: 'making' });
  const response = await send('/api/system/backups', { method: 'POST' });
  const total = Number(response.headers.get('Content-Length') ?? 0);
  const fileName = /filename="?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'zhenwu-backup';
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress({ phase: 'downloading', received, total });
  }
  const url = URL.createObjectURL(new Blob(chunks, { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { fileName, size: received };
}

export function useDownloadBackup(onProgress: (p: BackupProgress) => void) {
  return useMutation({ mutationFn: () => downloadBackup(onProgress) });
}
