/**
 * Loaded before the command line by bench/warc.ts (`node --import`): as the
 * process exits, writes its peak resident memory (KiB, worker threads
 * included) and CPU time to the file NEWSTRACE_PEAK_FILE names.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['NEWSTRACE_PEAK_FILE'];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, userCPU: usage.userCPUTime, systemCPU: usage.systemCPUTime }));
  });
}
