// Seed 003 compared with its hand-written expectation (tests/fixtures/seeds/003.expected.ts).
import { expected } from '../fixtures/seeds/003.expected.js';
import { seedSuite } from './suite.js';

seedSuite(expected);
