// Seed 004 compared with its hand-written expectation (tests/fixtures/seeds/004.expected.ts).
import { expected } from '../fixtures/seeds/004.expected.js';
import { seedSuite } from './suite.js';

seedSuite(expected);
