// The reference: the least a Fastify + pg server can do to answer the same queries, with no
// authentication, validation, schemas, plugins, audit or concurrency check. Our API's throughput
// is reported as a ratio of it.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get('/api/v1/frameworks/:frameworkId/versions/:version', async (request, reply) => {
  const { rows } = await pool.query(
    'select definition, published_at from framework_versions where framework_id = $1 and version = $2',
    [request.params.frameworkId, Number(request.params.version)],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return { framework: rows[0].definition, publishedAt: rows[0].published_at.toISOString() };
});

// The answer save reduced to one upsert of the same row the API writes.
app.put('/api/v1/assessments/:assessmentId/answers/:criterionId', async (request) => {
  const b = request.body;
  const { rows } = await pool.query(
    `insert into answers (assessment_id, criterion_id, level, not_applicable_reason, target_level,
       notes, evidence_links, indicators, version, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 1, now())
     on conflict (assessment_id, criterion_id) do update set level = excluded.level,
       not_applicable_reason = excluded.not_applicable_reason, target_level = excluded.target_level,
       notes = excluded.notes, evidence_links = excluded.evidence_links,
       indicators = excluded.indicators, version = answers.version + 1, updated_at = now()
     returning criterion_id, level, target_level, notes, evidence_links, indicators, version, updated_at`,
    [
      request.params.assessmentId,
      request.params.criterionId,
      b.level,
      b.notApplicable?.reason ?? null,
      b.targetLevel ?? null,
      b.notes ?? null,
      JSON.stringify(b.evidenceLinks ?? []),
      JSON.stringify(b.indicators ?? {}),
    ],
  );
  const row = rows[0];
  return {
    criterionId: row.criterion_id,
    level: row.level,
    targetLevel: row.target_level,
    notes: row.notes,
    evidenceLinks: row.evidence_links,
    indicators: row.indicators,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
});

await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address();
console.log(`reference running at http://127.0.0.1:${port}`);
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
