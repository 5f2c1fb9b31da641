/** Absolute path of dist/bundle, the directory the Dockerfile copies. */
export declare const outdir: string;
/** Writes main.mjs and traffic.mjs into `target` (default `outdir`); resolves with the .mjs paths. */
export declare function bundle(target?: string): Promise<string[]>;
