// Module-loader hooks for tests/cli/startup.test.ts: appends every module URL Node loads to $BUDGETDOC_LOAD_LOG.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  if (process.env.BUDGETDOC_LOAD_LOG) appendFileSync(process.env.BUDGETDOC_LOAD_LOG, `${url}\n`);
  return next(url, context);
}
