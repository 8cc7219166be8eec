import { describe, expect, it } from 'vitest';
import { anAnswer } from '../testing/fixtures';
import {
  answerFormSchema,
  canonicalForm,
  DONT_KNOW,
  EMPTY_ANSWER_FORM,
  fromAnswer,
  isSameAnswer,
  NOT_APPLICABLE,
  toAnswerBody,
} from './answer-form';

const form = (overrides = {}) => ({
  ...EMPTY_ANSWER_FORM,
  evidenceLinks: [],
  indicators: {},
  ...overrides,
});

describe('answer form', () => {
  it('turns a level choice into the contract body, dropping empty rows and boxes', () => {
    const body = toAnswerBody(
      form({
        choice: '3',
        targetLevel: '4',
        notes: ' Checked in March ',
        evidenceLinks: [{ url: ' https://example.org/a ' }, { url: '' }],
        indicators: { apprentices: '12', 'local-staff-share': '' },
      }),
      7,
    );
    expect(body).toEqual({
      level: 3,
      targetLevel: 4,
      notes: ' Checked in March ',
      evidenceLinks: ['https://example.org/a'],
      indicators: { apprentices: 12 },
      version: 7,
    });
  });

  it('sends "not applicable" with its reason and no level, and "don’t know" as a null level', () => {
    expect(
      toAnswerBody(form({ choice: NOT_APPLICABLE, notApplicableReason: ' No estate ' }), 0),
    ).toMatchObject({ level: null, notApplicable: { reason: 'No estate' } });
    const unknown = toAnswerBody(form({ choice: DONT_KNOW }), 0);
    expect(unknown.level).toBeNull();
    expect(unknown.notApplicable).toBeUndefined();
  });

  it('refuses what the API would refuse: no reason, a non-http link, a share over 100', () => {
    const schema = answerFormSchema([
      { id: 'local-staff-share', label: 'Local staff', unit: 'percent', pillarId: 'employment' },
    ]);
    const result = schema.safeParse(
      form({
        choice: NOT_APPLICABLE,
        evidenceLinks: [{ url: 'ftp://example.org/x' }],
        indicators: { 'local-staff-share': '101' },
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'evidenceLinks.0.url',
      'indicators.local-staff-share',
      'notApplicableReason',
    ]);
  });

  it('reads a stored answer back into the same body', () => {
    const answer = anAnswer({
      level: 1,
      targetLevel: 2,
      notes: 'n',
      evidenceLinks: ['https://example.org/r'],
      indicators: { apprentices: 3 },
    });
    expect(isSameAnswer(fromAnswer(answer), answer)).toBe(true);
    expect(isSameAnswer(form({ choice: '2' }), answer)).toBe(false);
  });

  it('sees empty indicator boxes and key order as no change', () => {
    expect(canonicalForm(form({ indicators: { a: '', b: '1' } }))).toBe(
      canonicalForm(form({ indicators: { b: '1' } })),
    );
    expect(canonicalForm(form({ notes: 'x' }))).not.toBe(canonicalForm(form()));
  });
});
