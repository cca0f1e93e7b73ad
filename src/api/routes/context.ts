import type { EarshotConfig } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';

/** What route modules need: the database and the parsed config (for file locations). */
export interface RouteContext {
  db: Db;
  config: EarshotConfig;
}
