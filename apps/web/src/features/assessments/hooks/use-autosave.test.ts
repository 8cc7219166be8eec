import { act, renderHook } from '@testing-library/react';
import type { TAnswer } from '@waymark/rubric';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { jsonResponse, mockApi, problemResponse } from '../../../testing/api-mocks';
import { signInForTest } from '../../../testing/session';
import { saveAnswer } from '../api/save-answer';
import {
  type AnswerFormValues,
  EMPTY_ANSWER_FORM,
  fromAnswer,
  isSameAnswer,
  toAnswerBody,
} from '../lib/answer-form';
import { draftKey, readDraft, writeDraft } from '../lib/draft-storage';
import { ASSESSMENT_ID, anAnswer, COLLEAGUE_ID, FIRST_CRITERION } from '../testing/fixtures';
import { AUTOSAVE_DEBOUNCE_MS, useAutosave } from './use-autosave';

const KEY = draftKey(ASSESSMENT_ID, FIRST_CRITERION);
const PUT = `PUT /assessments/${ASSESSMENT_ID}/answers/${FIRST_CRITERION}`;

function values(overrides: Partial<AnswerFormValues> = {}): AnswerFormValues {
  return { ...EMPTY_ANSWER_FORM, evidenceLinks: [], indicators: {}, ...overrides };
}

type Call = { url: string; init: RequestInit | undefined };

/** The answer the API would store for `body`, with the next version. */
function echo({ init }: Call): Response {
  const body = JSON.parse(String(init?.body)) as {
    level: number | null;
    targetLevel?: number | null;
    notes?: string | null;
    version: number;
  };
  return jsonResponse(
    anAnswer({
      level: body.level,
      targetLevel: body.targetLevel ?? null,
      notes: body.notes ?? null,
      version: body.version + 1,
    }),
  );
}

function networkDown(): Response {
  throw new TypeError('Failed to fetch');
}

function sentBodies(fetchMock: Mock<typeof fetch>): Array<Record<string, unknown>> {
  return fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init?.body)));
}

function renderAutosave(serverVersion = 0) {
  return renderHook(() =>
    useAutosave<AnswerFormValues, TAnswer>({
      storageKey: KEY,
      serverVersion,
      save: (v, version, { keepalive }) =>
        saveAnswer(ASSESSMENT_ID, FIRST_CRITERION, toAnswerBody(v, version), { keepalive }),
      isSame: isSameAnswer,
    }),
  );
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  signInForTest({ accessToken: 'token-1' });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('saves a change once typing pauses, with the bearer token, and reports it saved', async () => {
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderAutosave();
    expect(result.current.status).toBe('idle');

    act(() => result.current.change(values({ choice: '2', targetLevel: '3' })));
    expect(result.current.status).toBe('pending');
    // Kept on the device from the first keystroke, with the version it rests on.
    expect(readDraft(KEY)).toMatchObject({ baseVersion: 0, values: { choice: '2' } });

    await advance(AUTOSAVE_DEBOUNCE_MS - 1);
    expect(fetchMock).not.toHaveBeenCalled();
    await advance(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-1' });
    expect(sentBodies(fetchMock)[0]).toMatchObject({ level: 2, targetLevel: 3, version: 0 });

    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(1);
    expect(result.current.hasUnsavedChange).toBe(false);
    expect(readDraft(KEY)).toBeNull();
  });

  it('sends one save for a burst of changes, with the last values', async () => {
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ notes: 'W' })));
    await advance(300);
    act(() => result.current.change(values({ notes: 'We' })));
    await advance(300);
    act(() => result.current.change(values({ notes: 'We pay' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sentBodies(fetchMock)[0]).toMatchObject({ notes: 'We pay' });
  });

  it('counts a change as saved only when the API answers 200', async () => {
    let respond: (response: Response) => void = () => {};
    mockApi({
      [PUT]: () =>
        new Promise<Response>((resolve) => {
          respond = resolve;
        }),
    });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: '1' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(result.current.status).toBe('saving');
    expect(readDraft(KEY)).not.toBeNull();
    await act(async () => {
      respond(jsonResponse(anAnswer({ level: 1, targetLevel: null, version: 1 })));
    });
    expect(result.current.status).toBe('saved');
    expect(readDraft(KEY)).toBeNull();
  });

  it('retries a lost connection with backoff, keeping the change, then saves', async () => {
    const fetchMock = mockApi({ [PUT]: [networkDown, networkDown, echo] });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: '3' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(result.current.status).toBe('retrying');
    expect(result.current.error?.code).toBe('network_error');
    expect(readDraft(KEY)).toMatchObject({ values: { choice: '3' } });

    await advance(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await advance(1); // first retry after 1 s
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('retrying');

    await advance(1999);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await advance(1); // second retry after 2 s more
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(result.current.status).toBe('saved');
    expect(readDraft(KEY)).toBeNull();
    // Every attempt carried the same version: none of them was acknowledged.
    expect(sentBodies(fetchMock).map((b) => b.version)).toEqual([0, 0, 0]);
  });

  it('gives up after the last backoff with a clear error, and Retry saves', async () => {
    const fetchMock = mockApi({ [PUT]: networkDown });
    const { result } = renderHook(() =>
      useAutosave<AnswerFormValues, TAnswer>({
        storageKey: KEY,
        serverVersion: 0,
        save: (v, version) => saveAnswer(ASSESSMENT_ID, FIRST_CRITERION, toAnswerBody(v, version)),
        retryDelaysMs: [1000, 2000],
      }),
    );
    act(() => result.current.change(values({ choice: '4' })));
    await advance(AUTOSAVE_DEBOUNCE_MS + 1000 + 2000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.detail).toMatch(/internet connection/);
    await advance(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(readDraft(KEY)).not.toBeNull();

    mockApi({ [PUT]: echo });
    await act(async () => {
      result.current.retry();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(result.current.status).toBe('saved');
    expect(readDraft(KEY)).toBeNull();
  });

  it('retries a server error but not a validation error', async () => {
    const problem = (status: number, code: string) => () =>
      problemResponse({ type: 'about:blank', title: 'Failed', status, code, detail: code });
    const fetchMock = mockApi({
      [PUT]: [problem(503, 'unavailable'), problem(400, 'level_out_of_range')],
    });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: '2' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(result.current.status).toBe('retrying');
    await advance(1000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.code).toBe('level_out_of_range');
    await advance(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('turns a 409 into a conflict; "keep mine" saves again on the other version', async () => {
    const theirs = anAnswer({
      level: 4,
      notes: 'From Grace',
      version: 5,
      updatedBy: { userId: COLLEAGUE_ID, name: 'Grace' },
    });
    const conflict = () =>
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'answer_conflict',
          detail: 'Someone else saved this answer first.',
          current: theirs,
        }),
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
      );
    const fetchMock = mockApi({ [PUT]: [conflict, echo] });
    const { result } = renderAutosave(3);
    act(() => result.current.change(values({ choice: '1', notes: 'Mine' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);

    expect(result.current.status).toBe('conflict');
    expect(result.current.conflict?.theirs).toEqual(theirs);
    expect(result.current.conflict?.mine.notes).toBe('Mine');
    // Nothing is retried behind the user's back.
    await advance(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await act(async () => {
      result.current.keepMine();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(sentBodies(fetchMock).map((b) => b.version)).toEqual([3, 5]);
    expect(sentBodies(fetchMock)[1]).toMatchObject({ level: 1, notes: 'Mine' });
    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(6);
    expect(readDraft(KEY)).toBeNull();
  });

  it('"take theirs" drops my change and adopts their version without saving', async () => {
    const theirs = anAnswer({ level: 4, version: 8 });
    const fetchMock = mockApi({
      [PUT]: () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'answer_conflict',
            current: theirs,
          }),
          { status: 409 },
        ),
    });
    const { result } = renderAutosave(7);
    act(() => result.current.change(values({ choice: '1' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    let taken: TAnswer | null = null;
    act(() => {
      taken = result.current.takeTheirs();
    });
    expect(taken).toEqual(theirs);
    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(8);
    expect(readDraft(KEY)).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('treats a conflict with an identical answer as saved', async () => {
    const same = anAnswer({ level: 2, targetLevel: 3, version: 4 });
    mockApi({
      [PUT]: () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'answer_conflict',
            current: same,
          }),
          { status: 409 },
        ),
    });
    const { result } = renderAutosave(3);
    act(() => result.current.change(fromAnswer(same)));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(4);
  });

  it('saves a change resting on an answer that no longer exists as the first answer', async () => {
    const gone = () =>
      jsonResponse(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'answer_conflict',
          current: null,
        },
        409,
      );
    const fetchMock = mockApi({ [PUT]: [gone, echo] });
    const { result } = renderAutosave(4);
    act(() => result.current.change(values({ choice: '2' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(sentBodies(fetchMock).map((b) => b.version)).toEqual([4, 0]);
    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(1);
  });

  it('restores a pending change from storage on load and saves it on its base version', async () => {
    writeDraft(KEY, {
      values: values({ choice: '3', notes: 'Typed before the reload' }),
      baseVersion: 2,
      changedAt: 1,
    });
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderAutosave(2);
    expect(result.current.restoredValues).toMatchObject({ notes: 'Typed before the reload' });
    expect(result.current.hasUnsavedChange).toBe(true);

    await advance(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sentBodies(fetchMock)[0]).toMatchObject({
      level: 3,
      notes: 'Typed before the reload',
      version: 2,
    });
    expect(result.current.status).toBe('saved');
    expect(readDraft(KEY)).toBeNull();
  });

  it('drops a kept change that the server already holds, without saving it again', async () => {
    const stored = anAnswer({
      level: 3,
      targetLevel: 4,
      notes: 'Sent as the tab closed',
      version: 3,
    });
    writeDraft(KEY, { values: fromAnswer(stored), baseVersion: 2, changedAt: 1 });
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderHook(() =>
      useAutosave<AnswerFormValues, TAnswer>({
        storageKey: KEY,
        serverVersion: 3,
        serverValue: stored,
        save: (v, version) => saveAnswer(ASSESSMENT_ID, FIRST_CRITERION, toAnswerBody(v, version)),
        isSame: isSameAnswer,
      }),
    );
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.current.restoredValues).toBeNull();
    expect(result.current.status).toBe('idle');
    expect(result.current.version).toBe(3);
    expect(readDraft(KEY)).toBeNull();
  });

  it('saves a change made while a save was in flight, on the new version', async () => {
    let first: (r: Response) => void = () => {};
    const fetchMock = mockApi({
      [PUT]: [
        () =>
          new Promise<Response>((resolve) => {
            first = resolve;
          }),
        echo,
      ],
    });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ notes: 'one' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    act(() => result.current.change(values({ notes: 'one two' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await act(async () => {
      first(jsonResponse(anAnswer({ level: null, targetLevel: null, notes: 'one', version: 1 })));
      await vi.advanceTimersByTimeAsync(0);
    });
    // The second change was kept, re-based on version 1, and sent straight away.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sentBodies(fetchMock)[1]).toMatchObject({ notes: 'one two', version: 1 });
    expect(result.current.status).toBe('saved');
    expect(result.current.version).toBe(2);
  });

  it('keeps an invalid change on the device without sending it', async () => {
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: 'not_applicable' }), { savable: false }));
    await advance(5000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(result.current.status).toBe('invalid');
    expect(readDraft(KEY)).toMatchObject({ values: { choice: 'not_applicable' } });
  });

  it('saves at once with keepalive when the tab is hidden', async () => {
    const fetchMock = mockApi({ [PUT]: echo });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: '2' })));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(0);
    });
    visibility.mockRestore();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.keepalive).toBe(true);
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer token-1' });
    expect(result.current.status).toBe('saved');
  });

  it('saves on pagehide, and when the page unmounts before the pause ends', async () => {
    const fetchMock = mockApi({ [PUT]: echo });
    const { result, unmount } = renderAutosave();
    act(() => result.current.change(values({ choice: '1' })));
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    act(() => result.current.change(values({ choice: '2' })));
    unmount();
    await advance(0);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sentBodies(fetchMock)[1]).toMatchObject({ level: 2, version: 1 });
    expect(readDraft(KEY)).toBeNull();
  });

  it('retries at once when the connection comes back', async () => {
    const fetchMock = mockApi({ [PUT]: [networkDown, echo] });
    const { result } = renderAutosave();
    act(() => result.current.change(values({ choice: '2' })));
    await advance(AUTOSAVE_DEBOUNCE_MS);
    expect(result.current.status).toBe('retrying');
    await act(async () => {
      window.dispatchEvent(new Event('online'));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(result.current.status).toBe('saved');
  });
});
