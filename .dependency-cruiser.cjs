/**
 * Import rules of src/, run by `npm run lint` (docs/architecture.md draws the layers they keep).
 * Chosen over madge (which only sees cycles between files) because it checks cycles between
 * folders and rules on paths, dynamic imports included.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const HARNESS = '^src/local/';
const LAZY_HARNESS_LOADERS = '^src/cli/commands/(demo|site)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment:
        'Two folders of src/ import each other (through any chain of files): layers only import the layers below them.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      severity: 'error',
      comment: 'Files that import each other (through any chain of files).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'production-not-to-harness',
      severity: 'error',
      comment:
        'src/local/ (replay site, demo, local processes and Prometheus) is the local harness: no production module imports it.',
      from: { path: '^src/', pathNot: [HARNESS, LAZY_HARNESS_LOADERS] },
      to: { path: HARNESS },
    },
    {
      name: 'harness-loaded-lazily',
      severity: 'error',
      comment:
        'The site and demo commands load the harness with a dynamic import(), so that worker and exporter never load it.',
      from: { path: LAZY_HARNESS_LOADERS },
      to: { path: HARNESS, dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'sources-pure',
      severity: 'error',
      comment: 'A source site module (URL builders, pure parsers) imports only domain/ and errors/.',
      from: { path: '^src/sources/' },
      to: { path: '^src/', pathNot: ['^src/(sources|domain|errors)/'] },
    },
    {
      name: 'config-at-the-bottom',
      severity: 'error',
      comment: 'Settings are read first: config.ts and config/ import only config/, domain/ and errors/.',
      from: { path: '^src/config(\\.ts$|/)' },
      to: { path: '^src/', pathNot: ['^src/(config|domain|errors)/', '^src/config\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
