import fp from 'fastify-plugin';
import type { Config } from '../config.js';

/** Scaffold: the reminders background job (issue 9). */
export default fp<{ config: Config }>(async () => {}, { name: 'reminders' });
