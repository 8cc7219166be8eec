import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Drizzle over PGlite or PostgreSQL; queries take it as their first argument. */
    db: Db;
    database: Database;
  }
}

/** Exposes an already-connected, migrated database; the app does not own its lifecycle. */
async function dbPlugin(app: FastifyInstance, opts: { database: Database }) {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
}

export default fp(dbPlugin, { name: 'db', fastify: '5.x' });
