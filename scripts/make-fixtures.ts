/**
 * Makes the Word and Excel fixtures of tests/fixtures/docx and tests/fixtures/xlsx from the seeds:
 * `npm run fixtures`. The files are committed, so the tests need neither this script nor
 * LibreOffice; run it again after changing a layout.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import type { Document } from 'docx';
import { auditActionPlan, blankActionPlan } from './fixtures/plan-tables';
import { progressAppendix } from './fixtures/progress-appendix';
import { recommendationBlocks } from './fixtures/recommendation-blocks';
import { LIBREOFFICE_SOURCE, excelPlan, mergedRecommendation } from './fixtures/small';

const FIXTURES = join(__dirname, '../tests/fixtures');
const DOCX = join(FIXTURES, 'docx');
const XLSX = join(FIXTURES, 'xlsx');

const WORD: Record<string, () => Document> = {
  '000-progress-appendix.docx': progressAppendix,
  '002-blank-action-plan.docx': blankActionPlan,
  '003-recommendation-blocks.docx': recommendationBlocks,
  '004-audit-action-plan.docx': auditActionPlan,
  'merged-recommendation.docx': mergedRecommendation,
};

/** LibreOffice saves the HTML as Word, through Writer (not Writer/Web) so tables and lists become Word's own. */
function libreOfficeDocx(): void {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
  if (!soffice) {
    console.log('LibreOffice is not installed: libreoffice-plan.docx is left as committed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  writeFileSync(join(dir, 'libreoffice-plan.html'), LIBREOFFICE_SOURCE);
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      join(dir, 'libreoffice-plan.html'),
    ],
    { stdio: 'pipe' },
  );
  copyFileSync(join(dir, 'libreoffice-plan.docx'), join(DOCX, 'libreoffice-plan.docx'));
  console.log('libreoffice-plan.docx');
}

async function main(): Promise<void> {
  mkdirSync(DOCX, { recursive: true });
  mkdirSync(XLSX, { recursive: true });
  for (const [name, make] of Object.entries(WORD)) {
    writeFileSync(join(DOCX, name), await Packer.toBuffer(make()));
    console.log(name);
  }
  writeFileSync(join(XLSX, 'plan.xlsx'), await excelPlan());
  console.log('plan.xlsx');
  libreOfficeDocx();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
