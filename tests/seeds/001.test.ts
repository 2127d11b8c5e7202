// Seed 001 compared with its hand-written expectation (tests/fixtures/seeds/001.expected.ts).
import { expected } from '../fixtures/seeds/001.expected.js';
import { seedSuite } from './suite.js';

seedSuite(expected);
