// The real parse and audit stages, as the importer and the upload use them.
import { audit } from '../audit/index.js';
import { readInput } from '../write/input.js';
import type { Analysis } from './import-files.js';

export const defaultAnalysis: Analysis = {
  readInput,
  audit: (doc) => audit(doc),
};
