import {
  applicableCriteria,
  buildAssessmentResults,
  type TFramework,
  ZAssessmentParams,
  ZProblem,
} from '@waymark/rubric';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../tenancy.js';
import { listActions } from './actions.queries.js';
import { type AnswerRow, listAnswers } from './answers.queries.js';
import { type AssessmentModuleOptions, loadAssessment } from './assessment-context.js';
import { toAnswerInput } from './mappers.js';

const HEADER = [
  'Section',
  'Pillar',
  'Criterion ID',
  'Criterion',
  'Level',
  'Level name',
  'Not applicable reason',
  'Target level',
  'Target level name',
  'Notes',
  'Evidence links',
  'Indicators',
  'Score',
  'Target score',
  'Stage',
  'Action',
  'Action description',
  'Owner',
  'Due date',
  'Action status',
] as const;

type Cell = string | number | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return that it strips
 * first) as a formula: prefix such text with an apostrophe so it shows as text (OWASP CSV injection).
 * Only text is touched; numbers (e.g. a −35 % change) stay numbers.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(cells: Partial<Record<(typeof HEADER)[number], Cell>>): Cell[] {
  return HEADER.map((column) => cells[column] ?? null);
}

/** The file name: ASCII letters, digits and hyphens from the title, and the revision. */
export function csvFileName(title: string, revision: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `waymark-${slug || 'assessment'}-revision-${revision}.csv`;
}

function buildRows(
  framework: TFramework,
  pillars: ReturnType<typeof applicableCriteria>,
  answers: AnswerRow[],
  results: ReturnType<typeof buildAssessmentResults>,
  actions: Awaited<ReturnType<typeof listActions>>,
): Cell[][] {
  const levelName = new Map(framework.levels.map((l) => [l.level, l.name]));
  const answerOf = new Map(answers.map((a) => [a.criterionId, a]));
  const indicatorLabel = new Map(framework.indicators.map((i) => [i.id, i.label]));
  const where = new Map(
    framework.pillars.flatMap((p) => p.criteria.map((c) => [c.id, { pillar: p, criterion: c }])),
  );
  const rows: Cell[][] = [[...HEADER]];

  for (const pillar of pillars) {
    for (const criterion of pillar.criteria) {
      const answer = answerOf.get(criterion.id);
      const notApplicable = answer?.notApplicableReason != null;
      rows.push(
        row({
          Section: 'Answer',
          Pillar: pillar.title,
          'Criterion ID': criterion.id,
          Criterion: criterion.title,
          Level: notApplicable ? null : (answer?.level ?? null),
          'Level name': notApplicable
            ? 'Not applicable'
            : answer === undefined
              ? 'Not answered'
              : answer.level === null
                ? "Don't know yet"
                : (levelName.get(answer.level) ?? null),
          'Not applicable reason': answer?.notApplicableReason ?? null,
          'Target level': answer?.targetLevel ?? null,
          'Target level name':
            answer?.targetLevel != null ? (levelName.get(answer.targetLevel) ?? null) : null,
          Notes: answer?.notes ?? null,
          'Evidence links': answer?.evidenceLinks.join('\n') || null,
          Indicators:
            Object.entries(answer?.indicators ?? {})
              .map(([id, value]) => `${indicatorLabel.get(id) ?? id}: ${value}`)
              .join('\n') || null,
        }),
      );
    }
  }
  for (const pillar of results.pillars) {
    rows.push(
      row({
        Section: 'Pillar score',
        Pillar: pillar.title,
        Score: pillar.score,
        'Target score': pillar.targetScore,
        Stage: pillar.stage?.name ?? null,
      }),
    );
  }
  rows.push(
    row({
      Section: 'Overall score',
      Score: results.overall.score,
      'Target score': results.overall.targetScore,
      Stage: results.overall.stage?.name ?? null,
    }),
  );
  for (const action of actions) {
    const place = where.get(action.criterionId);
    rows.push(
      row({
        Section: 'Action',
        Pillar: place?.pillar.title ?? null,
        'Criterion ID': action.criterionId,
        Criterion: place?.criterion.title ?? null,
        Action: action.title,
        'Action description': action.description,
        Owner: action.ownerName,
        'Due date': action.dueDate,
        'Action status': action.status,
      }),
    );
  }
  return rows;
}

/** GET /assessments/:assessmentId/export.csv: answers, scores and actions for spreadsheets. */
export const exportRoutes: FastifyPluginAsyncZod<AssessmentModuleOptions> = async (
  app,
  { frameworks },
) => {
  app.route({
    method: 'GET',
    url: '/assessments/:assessmentId/export.csv',
    schema: {
      tags: ['assessments'],
      security: [{ bearerAuth: [] }],
      summary: 'Answers, pillar and overall scores, and actions as CSV (UTF-8 with BOM)',
      description:
        'One table with a `Section` column: a row per applicable criterion (Answer), per pillar (Pillar score), the overall score, then a row per action. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.',
      params: ZAssessmentParams,
      response: {
        200: z.string().describe('text/csv; charset=utf-8'),
        400: ZProblem,
        401: ZProblem,
        404: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const { assessment, framework, scoring } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        ROLES,
      );
      const [answers, actions] = await Promise.all([
        listAnswers(app.db, { assessmentId: assessment.id }),
        listActions(app.db, { assessmentId: assessment.id }),
      ]);
      const pillars = applicableCriteria(framework, scoring.profile, scoring);
      const results = buildAssessmentResults(framework, answers.map(toAnswerInput), scoring);
      const csv = stringify(buildRows(framework, pillars, answers, results, actions), {
        bom: true,
        cast: { string: neutraliseFormula },
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${csvFileName(assessment.title, assessment.revision)}"`,
        )
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
};
