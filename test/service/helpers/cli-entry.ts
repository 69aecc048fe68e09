/**
 * TEST HELPER — runs the qmlsec CLI from source (through tsx) in a child process, so the
 * process tests need no `npm run build`: `node --import tsx test/service/helpers/cli-entry.ts serve …`.
 */
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(process.argv);
