// Preloaded into a local server by test/security/cut-uploads.test.ts: once it prints its ready
// line, an error nobody catches and a promise nobody awaits, as a request's bug would leave them.
const write = process.stdout.write.bind(process.stdout);
let armed = true;
process.stdout.write = (chunk, ...rest) => {
  if (armed && String(chunk).startsWith('ready ')) {
    armed = false;
    setTimeout(() => {
      setTimeout(() => {
        throw new Error('a request bug nobody caught');
      }, 0);
      Promise.reject(new Error('a request promise nobody awaited'));
    }, 200);
  }
  return write(chunk, ...rest);
};
