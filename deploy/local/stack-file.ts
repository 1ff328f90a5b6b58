import { join } from 'node:path';
import { REPO_ROOT } from '@webhooks/testing';

/** Where `npm start` keeps its state, and the file that tells other commands its addresses. */
export const STACK_DIR = join(REPO_ROOT, '.local/stack');
export const STACK_FILE = join(STACK_DIR, 'stack.json');
