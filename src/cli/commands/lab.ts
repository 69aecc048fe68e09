/** `qmlsec lab list` and `qmlsec lab run SCENARIO|all` — the attack lab. */
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { loadDeployment } from '../../deploy/load.js';
import { listScenarios, runLab } from '../../lab/index.js';
import { summaryTable, writeReport } from '../../report/index.js';
import { analyzeDeployment, builtinKnowledgeBase, PROFILE_IDS } from '../../threat/index.js';
import { parseIntOption, printJson, printLine, progressBar } from '../output.js';

export function registerLab(program: Command): void {
  const lab = program.command('lab').description('run kill-chain attack scenarios with and without defenses');
  lab
    .command('list')
    .description('list the scenarios')
    .option('--format <fmt>', 'text or json', 'text')
    .action((opts: { format: string }) => {
      const rows = listScenarios().map((s) => ({ id: s.id, title: s.title, attacker: s.attacker, techniques: s.techniques, defenses: s.defenses.map((d) => d.id) }));
      if (opts.format === 'json') printJson(rows);
      else for (const r of rows) printLine(`${r.id.padEnd(28)} ${r.title}  [attacker: ${r.attacker}; defenses: ${r.defenses.join(', ')}]`);
    });
  lab
    .command('run')
    .description('run a scenario (or all) and write results.json, Navigator layers and the report')
    .argument('<scenario>', 'scenario id, or "all"')
    .option('--deployment <file>', 'the deployment to attack (default: each scenario\'s own)')
    .option('--seeds <n>', 'number of seeds (default 3)', parseIntOption('--seeds', 1, 1000), 3)
    .option('--out <dir>', 'output directory', 'qmlsec-report')
    .option('--quick', 'smaller budgets (as the demo uses)')
    .option('--json', 'print results.json to stdout as well')
    .action(async (scenario: string, opts: { deployment?: string; seeds: number; out: string; quick?: boolean; json?: boolean }) => {
      const ids = listScenarios().map((s) => s.id);
      if (scenario !== 'all' && !ids.includes(scenario)) throw new UsageError(`unknown scenario "${scenario}" (known: ${ids.join(', ')}, or all)`);
      const deployment = opts.deployment ? loadDeployment({ file: opts.deployment }) : undefined;
      const bar = progressBar();
      let current = '';
      const results = await runLab({
        scenarios: [scenario],
        seeds: Array.from({ length: opts.seeds }, (_, i) => i + 1),
        ...(deployment ? { deployment } : {}),
        ...(opts.quick ? { quick: true } : {}),
        onScenario: (id, i, total) => {
          bar.stop();
          current = id;
          bar.start(100, `${id} (${i + 1}/${total})`.slice(0, 14));
        },
        onProgress: (f, message) => bar.update(Math.round(f * 100), `${current}: ${message}`),
      });
      bar.stop();
      // With an explicit deployment, the report also shows the attack paths of the scenarios' attackers.
      const attackers = PROFILE_IDS.filter((p) => results.scenarios.some((r) => r.attacker === p));
      const analyses = deployment ? [analyzeDeployment(builtinKnowledgeBase(), deployment, { attackers })] : undefined;
      const written = await writeReport(opts.out, { results, ...(analyses ? { analyses } : {}) });
      if (opts.json) printJson(results);
      else {
        for (const r of results.scenarios) {
          printLine(`${r.id}: ${r.status} (${r.seeds.length} seeds, ${r.seconds.toFixed(1)} s)`);
          for (const e of r.errors) printLine(`  seed ${e.seed} failed: ${e.message}`);
        }
        printLine();
        process.stdout.write(summaryTable(results));
        printLine();
        printLine(`wrote ${written.files.length} file(s) to ${opts.out}/`);
        printLine(`report: ${written.html}`);
      }
    });
}
