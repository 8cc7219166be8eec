// The limit for the framework read: a bare Fastify answering the API's own bytes (read from
// BENCH_BODY_FILE at start) from memory, with no database, validation, hooks or security headers.
// A published version never changes, so no server can answer that request faster than this; the
// API's framework read is reported as a ratio of it. It answers 304 to an exact If-None-Match.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.env.BENCH_BODY_FILE);
const etag = process.env.BENCH_ETAG;
const app = Fastify({ logger: false });

app.get('/api/v1/frameworks/:frameworkId/versions/:version', (request, reply) => {
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(body);
});

await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address();
console.log(`memory reference running at http://127.0.0.1:${port}`);
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
