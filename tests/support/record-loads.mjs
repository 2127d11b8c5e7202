// `node --import ./tests/support/record-loads.mjs …`: records the modules a run loads (see load-hooks.mjs).
import { register } from 'node:module';

register(new URL('./load-hooks.mjs', import.meta.url));
