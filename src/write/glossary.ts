// 名词解释 the writer prints: the terms each document kind explains, with definitions from the catalogue
// (src/catalog/glossary.ts); a term the catalogue does not define is left out.
import { definitionsFor } from '../catalog/glossary.js';
import type { DocumentKind } from '../model/schema.js';

const TERMS: Record<DocumentKind, string[]> = {
  budget: [
    'fiscalAppropriation',
    'generalBudget',
    'governmentFund',
    'stateCapital',
    'specialAccount',
    'businessIncome',
    'otherIncome',
    'basic',
    'project',
    'personnel',
    'public',
    'threePublic',
    'operatingCosts',
    'performanceTarget',
  ],
  final_account: [
    'fiscalAppropriation',
    'superiorSubsidy',
    'businessIncome',
    'operatingIncome',
    'otherIncome',
    'carryForward',
    'nonAppropriationBalanceUsed',
    'balanceDistribution',
    'basic',
    'project',
    'personnel',
    'public',
    'threePublic',
    'operatingCosts',
    'selfEvaluation',
  ],
};

export const GLOSSARY: Record<DocumentKind, Array<[string, string]>> = {
  budget: definitionsFor(TERMS.budget).map((d) => [d.term, d.definition]),
  final_account: definitionsFor(TERMS.final_account).map((d) => [d.term, d.definition]),
};
