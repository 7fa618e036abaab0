import pkg from '../../package.json' with { type: 'json' };

/** The package version, as `peaceplan --version` prints it. */
export const VERSION: string = pkg.version;
