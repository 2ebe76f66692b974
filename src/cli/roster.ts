/**
 * The roster job (花名册批量计算), in src/cli/roster/: reading, columns,
 * checks, decisions, output, summary, and the job that runs them.
 */
export { runRoster, readCategoryMap, type RosterOptions } from './roster/job.js';
export { RosterFileError } from './roster/errors.js';
export { formatSummary, type RosterSummary } from './roster/summary.js';
export { ENCODINGS, type RosterEncoding } from './roster/reading.js';
