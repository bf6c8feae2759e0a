/**
 * `NODE_OPTIONS=--import <this file>` with BENCH_PROFILE_DIR set: a CPU profile of the process
 * from its first SIGUSR2 (bench/run.ts sends it once the links are issued, so only the measured
 * rounds are profiled) to its exit, written as <pid>.cpuprofile (Node 20 refuses --cpu-prof in
 * NODE_OPTIONS). The in-thread inspector session answers synchronously, so the profile can be
 * taken and written inside the 'exit' handler.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const dir = process.env.BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 250 });
  let started = false;
  process.on('SIGUSR2', () => {
    if (!started) session.post('Profiler.start');
    started = true;
  });
  const write = () => {
    if (!started) return;
    started = false;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(result.profile));
    });
  };
  // At SIGTERM too: a server whose stream runner is held never exits gracefully, and is killed.
  process.on('SIGTERM', write);
  process.on('exit', write);
}
