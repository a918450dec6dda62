// One jest configuration for every kind of test. TEST_TYPE narrows the run:
// unit (pure core), integration:modules (module service on real Postgres),
// integration:http (whole Medusa app with an in-process SMTP sink).
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: true },
      target: "es2021",
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  },
]

const MATCH = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.module.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  // A real browser against the packed plugin in a plain Medusa app (integration-tests/admin/packed-app.ts).
  "integration:admin": ["**/integration-tests/admin/**/*.spec.[jt]s"],
  // Outages, crashes, several processes (issue "reliability"): `npm run test:faults`, not part of `npm test`.
  faults: ["**/integration-tests/faults/**/*.spec.[jt]s"],
  // The packed plugin in a plain Medusa app (issue 12): `npm run test:package`, run by .ci/run after `npm test`.
  package: ["**/integration-tests/package/**/*.spec.[jt]s"],
}
const DEFAULT_TYPES = ["unit", "integration:modules", "integration:http", "integration:admin"]

const type = process.env.TEST_TYPE
const needsDatabase = type !== "unit"

module.exports = {
  transform: { "^.+\\.[jt]sx?$": swc },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.cache/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: type ? MATCH[type] : DEFAULT_TYPES.flatMap((t) => MATCH[t]),
  globalSetup: needsDatabase ? "./integration-tests/global-setup.mjs" : undefined,
  globalTeardown: needsDatabase ? "./integration-tests/global-teardown.mjs" : undefined,
}
