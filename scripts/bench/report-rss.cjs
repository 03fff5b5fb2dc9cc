// Preloaded into a benchmarked Node process (`node --require scripts/bench/report-rss.cjs ...`): when the process
// exits, writes its peak resident set size in KB (process.resourceUsage().maxRSS) and its CPU time in µs (user and
// system) as JSON to the file named by BENCH_RSS_FILE, so the parent can report them without /usr/bin/time.
'use strict';
const file = process.env.BENCH_RSS_FILE;
if (file) {
    process.on('exit', () => {
        try {
            const usage = process.resourceUsage();
            require('node:fs').writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, userCPUTime: usage.userCPUTime, systemCPUTime: usage.systemCPUTime }));
        } catch {
            // Measuring must never change the measured command's outcome.
        }
    });
}
