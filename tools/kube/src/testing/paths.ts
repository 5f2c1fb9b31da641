import path from 'node:path';
import { repoRoot } from '../paths.js';

/** The chart under test. */
export const chartDir: string = path.join(repoRoot, 'charts', 'loglift');
