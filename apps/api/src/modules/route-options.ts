import type { Config } from '../config.js';

/** What app.ts passes to every route module that needs configuration. */
export interface RouteModuleOptions {
  config: Config;
}
