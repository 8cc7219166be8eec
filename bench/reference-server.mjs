// The reference: the least a Fastify + pg server can do to answer the same framework query,
// with no validation, no schemas, no plugins. Our API's throughput is reported as a ratio of it.
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

await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address();
console.log(`reference running at http://127.0.0.1:${port}`);
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
