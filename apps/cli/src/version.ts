/** Kept equal to package.json's version by a unit test (the bundle has no package.json beside it). */
export const VERSION = '0.1.0';
