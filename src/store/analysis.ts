// The real parse and audit stages, as the importer and the upload use them.
import { audit } from '../audit/index.js';
import { parseFile } from '../extract/index.js';
import type { Analysis } from './import-files.js';

export const defaultAnalysis: Analysis = {
  parseFile,
  audit: (doc) => audit(doc),
};

