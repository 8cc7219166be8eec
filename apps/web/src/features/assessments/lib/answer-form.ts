import {
  indicatorBounds,
  MAX_EVIDENCE_LINKS,
  MAX_NOT_APPLICABLE_REASON_LENGTH,
  MAX_NOTES_LENGTH,
  type TAnswer,
  type TIndicator,
  type TSaveAnswerBody,
  ZEvidenceLink,
  ZNotApplicable,
  ZSaveAnswerBody,
} from '@waymark/rubric';
import { z } from 'zod';

/**
 * The criterion form and its link to the contract. The form keeps what people type (strings, one
 * radio choice, a list of link rows); `toAnswerBody` turns it into `ZSaveAnswerBody`, the API's own
 * schema, which the save checks before sending. Field rules reuse the contract's pieces
 * (`ZEvidenceLink`, `ZNotApplicable`, the length limits) so that the form and the API agree.
 */

export const NOT_APPLICABLE = 'not_applicable';
export const DONT_KNOW = 'dont_know';

/** A level ("1"–"4"), not applicable, don't know yet, or "" (nothing chosen). */
export type AnswerChoice = string;

export interface AnswerFormValues {
  choice: AnswerChoice;
  notApplicableReason: string;
  /** "" when unset, else the level number. */
  targetLevel: string;
  notes: string;
  /** Rows rather than strings: react-hook-form's field arrays need objects. */
  evidenceLinks: { url: string }[];
  /** Indicator id → the number as typed ("" when empty). */
  indicators: Record<string, string>;
}

export const EMPTY_ANSWER_FORM: AnswerFormValues = {
  choice: '',
  notApplicableReason: '',
  targetLevel: '',
  notes: '',
  evidenceLinks: [],
  indicators: {},
};

export const ANSWER_FORM_MESSAGES = {
  reasonRequired: 'Say why this criterion does not apply to your organisation',
  reasonTooLong: `Use at most ${MAX_NOT_APPLICABLE_REASON_LENGTH} characters`,
  notesTooLong: `Use at most ${MAX_NOTES_LENGTH.toLocaleString('en-GB')} characters`,
  badUrl: (index: number) =>
    `Enter link ${index + 1} as a full web address, like https://www.example.org`,
  tooManyLinks: `Add at most ${MAX_EVIDENCE_LINKS} links`,
  notANumber: 'Enter a number, like 42 or 12.5',
} as const;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** An indicator's problem, naming it by its label (the error summary lists it on its own). */
function indicatorError(indicator: TIndicator, text: string): string | null {
  const value = parseNumber(text);
  if (value === null) return null;
  const { label } = indicator;
  if (Number.isNaN(value)) return `${label}: ${ANSWER_FORM_MESSAGES.notANumber.toLowerCase()}`;
  const { min, max, integer } = indicatorBounds(indicator);
  if (integer && !Number.isInteger(value)) return `${label}: enter a whole number`;
  if (value < min) return `${label} must be ${min} or more`;
  if (value > max) return `${label} must be ${max.toLocaleString('en-GB')} or less`;
  return null;
}

/**
 * What people type for a web address, as the API takes it: `www.example.org` (or
 * `example.org/report.pdf`) becomes `https://www.example.org`. Anything with a scheme, or that
 * does not look like a host name, is left for the contract's rule to judge.
 */
export function normaliseEvidenceLink(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('//')) return `https:${trimmed}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}

// A link row: empty while being typed (ignored), otherwise the contract's http(s) URL rule, on
// the address as it will be sent.
const ZLinkRow = z.object({ url: z.string() });

/**
 * The form's schema for one criterion. `indicators` are those of the criterion's pillar that the
 * page shows (their bounds depend on the unit).
 */
export function answerFormSchema(indicators: readonly TIndicator[]) {
  return z
    .object({
      choice: z.string(),
      notApplicableReason: z.string().max(MAX_NOT_APPLICABLE_REASON_LENGTH, {
        message: ANSWER_FORM_MESSAGES.reasonTooLong,
      }),
      targetLevel: z.string(),
      notes: z.string().max(MAX_NOTES_LENGTH, { message: ANSWER_FORM_MESSAGES.notesTooLong }),
      evidenceLinks: z
        .array(ZLinkRow)
        .max(MAX_EVIDENCE_LINKS, { message: ANSWER_FORM_MESSAGES.tooManyLinks }),
      indicators: z.record(z.string(), z.string()),
    })
    .superRefine((values, ctx) => {
      values.evidenceLinks.forEach((row, index) => {
        const url = normaliseEvidenceLink(row.url);
        if (url !== '' && !ZEvidenceLink.safeParse(url).success) {
          ctx.addIssue({
            code: 'custom',
            path: ['evidenceLinks', index, 'url'],
            message: ANSWER_FORM_MESSAGES.badUrl(index),
          });
        }
      });
      if (
        values.choice === NOT_APPLICABLE &&
        !ZNotApplicable.safeParse({ reason: values.notApplicableReason }).success
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['notApplicableReason'],
          message: ANSWER_FORM_MESSAGES.reasonRequired,
        });
      }
      for (const indicator of indicators) {
        const message = indicatorError(indicator, values.indicators[indicator.id] ?? '');
        if (message) ctx.addIssue({ code: 'custom', path: ['indicators', indicator.id], message });
      }
    });
}

export type AnswerFormSchema = ReturnType<typeof answerFormSchema>;

/** The form values for a stored answer (or an empty form when there is none). */
export function fromAnswer(answer: TAnswer | null | undefined): AnswerFormValues {
  if (!answer) return { ...EMPTY_ANSWER_FORM, evidenceLinks: [], indicators: {} };
  let choice: AnswerChoice = DONT_KNOW;
  if (answer.notApplicable) choice = NOT_APPLICABLE;
  else if (answer.level !== null) choice = String(answer.level);
  return {
    choice,
    notApplicableReason: answer.notApplicable?.reason ?? '',
    targetLevel: answer.targetLevel === null ? '' : String(answer.targetLevel),
    notes: answer.notes ?? '',
    evidenceLinks: answer.evidenceLinks.map((url) => ({ url })),
    indicators: Object.fromEntries(
      Object.entries(answer.indicators).map(([id, value]) => [id, String(value)]),
    ),
  };
}

/** The chosen level, or null for not applicable, don't know and nothing chosen. */
export function chosenLevel(choice: AnswerChoice): number | null {
  const n = Number(choice);
  return choice !== '' && Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * The API body for the form values (`version` is the answer version the change rests on). Empty
 * link rows and indicators are left out; the result is parsed by the contract's schema, which
 * throws if the form let through something the API would refuse.
 */
export function toAnswerBody(values: AnswerFormValues, version: number): TSaveAnswerBody {
  const notApplicable = values.choice === NOT_APPLICABLE;
  const indicators: Record<string, number> = {};
  for (const [id, text] of Object.entries(values.indicators)) {
    const value = parseNumber(text);
    if (value !== null && !Number.isNaN(value)) indicators[id] = value;
  }
  const target = chosenLevel(values.targetLevel);
  const notes = values.notes.trim();
  const body = {
    level: notApplicable ? null : chosenLevel(values.choice),
    ...(notApplicable ? { notApplicable: { reason: values.notApplicableReason.trim() } } : {}),
    targetLevel: target,
    notes: notes === '' ? null : values.notes,
    evidenceLinks: values.evidenceLinks
      .map((row) => normaliseEvidenceLink(row.url))
      .filter((url) => url !== ''),
    indicators,
    version,
  };
  return ZSaveAnswerBody.parse(body);
}

/** True when the form says what the stored answer says (ignoring versions and who saved it). */
export function isSameAnswer(values: AnswerFormValues, answer: TAnswer): boolean {
  try {
    const mine = toAnswerBody(values, 0);
    const theirs = toAnswerBody(fromAnswer(answer), 0);
    return JSON.stringify(normalise(mine)) === JSON.stringify(normalise(theirs));
  } catch {
    return false;
  }
}

function normalise(body: TSaveAnswerBody) {
  return {
    ...body,
    indicators: Object.fromEntries(
      Object.entries(body.indicators ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

/** Whether the form has anything in it worth keeping (a choice, a note, a link, a number). */
export function hasContent(values: AnswerFormValues): boolean {
  return (
    values.choice !== '' ||
    values.notes.trim() !== '' ||
    values.targetLevel !== '' ||
    values.evidenceLinks.some((row) => row.url.trim() !== '') ||
    Object.values(values.indicators).some((v) => v.trim() !== '')
  );
}

/**
 * A stable text for the form's values, to tell a real change from a focus, a blur or a reset to the
 * same answer: empty indicator boxes are left out and indicator ids sorted.
 */
export function canonicalForm(values: AnswerFormValues): string {
  const indicators = Object.entries(values.indicators)
    .filter(([, v]) => v.trim() !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    values.choice,
    values.notApplicableReason,
    values.targetLevel,
    values.notes,
    values.evidenceLinks.map((row) => row.url),
    indicators,
  ]);
}
