/**
 * The architecture's import arrows (shared docs ARCHITECTURE.md), checked on every `npm test`.
 * core and backend are the systems under test: they meet the world only at byte boundaries.
 */
const ours = '^(platform|protocol|drivers|core|backend|simulator|harness|reports|web)/';
const test = '\\.test\\.tsx?$';
const rule = (name, from, allowed) => ({
  name,
  severity: 'error',
  from: { path: `^${from}/`, pathNot: test },
  to: { path: ours, pathNot: `^(${[from, ...allowed].join('|')})/` },
});
// Tests beside drivers may plug in emulated hardware as test equipment, the way a bench has a
// card reader on it. Tests of the systems under test keep to their arrows; pairs that span a
// device and the core live in harness/pairs/.
const testRule = (name, from, allowed) => ({
  name,
  severity: 'error',
  from: { path: `^${from}/.*${test}` },
  to: { path: ours, pathNot: `^(${[from, ...allowed].join('|')})/` },
});

module.exports = {
  forbidden: [
    rule('platform-is-a-leaf', 'platform', []),
    rule('protocol-imports-only-platform', 'protocol', ['platform']),
    rule('drivers-import-protocol', 'drivers', ['platform', 'protocol']),
    rule('core-meets-the-world-at-bytes', 'core', ['platform', 'protocol', 'drivers']),
    rule('backend-meets-the-world-at-bytes', 'backend', ['platform', 'protocol']),
    rule('simulator-imports-protocol', 'simulator', ['platform', 'protocol']),
    testRule('driver-tests-use-only-emulated-hardware', 'drivers', ['platform', 'protocol', 'simulator']),
    testRule('core-tests-never-see-the-host', 'core', ['platform', 'protocol', 'drivers']),
    testRule('backend-tests-never-see-the-terminal', 'backend', ['platform', 'protocol']),
    testRule('protocol-tests-stay-in-protocol', 'protocol', ['platform']),
    {
      name: 'reports-see-only-the-run-result',
      severity: 'error',
      from: { path: '^reports/' },
      to: { path: ours, pathNot: '^(reports/|harness/run-result\\.ts$)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
