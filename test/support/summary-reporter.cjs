// Writes the run's totals to test-results/summary.json so CI can print "N passed, N failed".
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const dir = join(this.rootDir, 'test-results');
    mkdirSync(dir, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      // A suite that failed to run (setup error, syntax error) counts as a failure too.
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    };
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
