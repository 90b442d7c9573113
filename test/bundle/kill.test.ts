/** Kill test, even k (the odd ones are in kill-odd.test.ts); what it checks: killSweep.ts. */
import { describeKillSweep } from './killSweep';

describeKillSweep(0, 2);
