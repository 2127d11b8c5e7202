// Seed 000 compared with its hand-written expectation (tests/fixtures/seeds/000.expected.ts).
import { expected } from '../fixtures/seeds/000.expected.js';
import { seedSuite } from './suite.js';

seedSuite(expected);
