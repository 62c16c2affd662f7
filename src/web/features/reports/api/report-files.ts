// Files of a report (Word, print view, text): fetched with the session cookie so a refusal shows the server's
// Chinese message, then saved (Word) or opened in a new tab (the print view, where the browser prints to PDF).
import { send } from '../../../lib/api-client';

export type ReportFileRequest =
  /** A rendered report or notice: the body of its POST with the file's format. */
  | { method: 'POST'; path: string; body: Record<string, unknown> }
  /** A stored version's file. */
  | { method: 'GET'; path: string };

function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  return star ? decodeURIComponent(star[1]) : fallback;
}

async function fetchFile(request: ReportFileRequest, format: 'docx' | 'html' | 'text') {
  const response =
    request.method === 'POST'
      ? await send(request.path, { method: 'POST', body: { ...request.body, format } })
      : await send(request.path, { query: { format } });
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') };
}

export async function downloadReportFile(request: ReportFileRequest, format: 'docx' | 'text', fallbackName: string) {
  const { blob, disposition } = await fetchFile(request, format);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(disposition, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens the print view in a new tab. The tab is opened at the click (before the fetch) so no popup blocker stops it. */
export async function openReportPrintView(request: ReportFileRequest) {
  const tab = window.open('', '_blank');
  try {
    const { blob } = await fetchFile(request, 'html');
    const url = URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
