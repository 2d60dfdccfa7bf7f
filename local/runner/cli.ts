/** `npm start -- [--plan FILE] [--officers FILE] [--today YYYY-MM-DD] [--out DIR] [--manifest FILE]`; a plan is CSV, TSV, .xlsx or .docx. */
import { parseArgs } from 'node:util';
import { UsageError, runRegister } from './run';

const USAGE =
  'usage: npm start -- [--plan FILE.tsv|.csv|.xlsx|.docx] [--officers FILE.csv] [--today YYYY-MM-DD] [--out DIR] ' +
  '[--manifest appsscript.json]';

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
    console.log(USAGE);
    return 0;
  }
  try {
    const summary = await runRegister({
      plan: values.plan,
      officers: values.officers,
      today: values.today,
      out: values.out ?? 'out',
      manifest: values.manifest,
    });
    for (const line of summary.lines) console.log(line);
    // A missing permission is the deployer's to fix: said plainly, and the run fails.
    for (const line of summary.refused) console.error(`action-plan-register: ${line}`);
    return summary.refused.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
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
