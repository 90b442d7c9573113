/** Kill test, odd k (the even ones are in kill.test.ts); what it checks: killSweep.ts. */
import { describeKillSweep } from './killSweep';

describeKillSweep(1, 2);
