import { ApiError, problemFromFailedResponse, readJson } from '../../../lib/api-client';
import { authorisedFetch } from './authorised-fetch';

/** The file name the API suggests (`Content-Disposition`), or a sensible one. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Fall through to the plain form.
    }
  }
  const plain = disposition.match(/filename="?([^";]+)"?/i);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads answers, scores and actions as CSV. The access token lives in memory, not in a
 * cookie, so a plain link cannot carry it: fetch with the token, then hand the browser a Blob URL.
 */
export async function downloadAssessmentCsv(assessmentId: string): Promise<string> {
  const response = await authorisedFetch(
    `/assessments/${encodeURIComponent(assessmentId)}/export.csv`,
    { accept: 'text/csv' },
  );
  if (!response.ok) {
    throw new ApiError(problemFromFailedResponse(response, await readJson(response)));
  }
  const blob = await response.blob();
  const fileName = fileNameOf(response, `waymark-assessment-${assessmentId}.csv`);
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
