import type { TDashboardExportKind } from '@waymark/rubric';
import { cyclePath } from '../../../api/cycles';
import {
  API_BASE,
  ApiError,
  CLIENT_ERROR_CODES,
  problemFromFailedResponse,
  readJson,
  refreshSession,
} from '../../../lib/api-client';
import { endSession, getAccessToken } from '../../../lib/session';

async function send(path: string, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'text/csv' };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, { headers, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Could not reach Waymark',
        status: 0,
        code: CLIENT_ERROR_CODES.network,
        detail: 'Check your internet connection, then try again.',
      },
      { cause },
    );
  }
}

/** A GET with the access token that refreshes the session once on a 401, as `apiRequest` does. */
async function fetchWithToken(path: string): Promise<Response> {
  const sent = getAccessToken();
  const response = await send(path, sent);
  if (response.status !== 401) return response;
  const current = getAccessToken();
  if (current && current !== sent) return send(path, current);
  const outcome = await refreshSession();
  if (outcome.ok) return send(path, outcome.session.accessToken);
  if (outcome.error.status === 0) throw outcome.error;
  endSession('expired');
  return response;
}

/** The file name the API suggests (`Content-Disposition`), or `fallback`. */
export function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a cycle's CSV export (named members' results, or the network's aggregates). The
 * access token lives in memory, not in a cookie, so a plain link cannot carry it: fetch with the
 * token, then hand the browser a Blob URL. Returns the file name.
 */
export async function downloadCycleCsv(
  cycleId: string,
  kind: TDashboardExportKind,
): Promise<string> {
  const response = await fetchWithToken(`${cyclePath(cycleId)}/export.csv?kind=${kind}`);
  if (!response.ok) {
    throw new ApiError(problemFromFailedResponse(response, await readJson(response)));
  }
  const blob = await response.blob();
  const fileName = fileNameOf(response, `waymark-cycle-${kind}.csv`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
