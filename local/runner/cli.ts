/** `npm start -- [options]`: the register end to end on a plan or a scenario (`--help` lists every option). */
import { parseArgs } from 'node:util';
import { HELP } from './help';
import { UsageError, runRegister } from './run';
import { ScenarioError } from './scenario';

const USAGE =
  'usage: npm start -- [--plan FILE] [--scenario FILE.json] [--out DIR] ... (npm start -- --help for all)';

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        plan: { type: 'string' },
        officers: { type: 'string' },
        today: { type: 'string' },
        out: { type: 'string', default: 'out' },
        scenario: { type: 'string' },
        map: { type: 'string', multiple: true },
        settings: { type: 'string' },
        'plan-name': { type: 'string' },
        committee: { type: 'string' },
        owner: { type: 'string' },
        author: { type: 'string' },
        manifest: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`action-plan-register: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  try {
    const summary = await runRegister({
      plan: values.plan,
      officers: values.officers,
      today: values.today,
      out: values.out ?? 'out',
      scenario: values.scenario,
      map: values.map,
      settings: values.settings,
      planName: values['plan-name'],
      committee: values.committee,
      owner: values.owner,
      author: values.author,
      manifest: values.manifest,
    });
    for (const line of summary.lines) console.log(line);
    // A missing permission is the deployer's to fix: said plainly, and the run fails.
    for (const line of summary.refused) console.error(`action-plan-register: ${line}`);
    return summary.refused.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScenarioError) {
      console.error(`action-plan-register: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`action-plan-register: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
