/**
 * Another app process (tests/helpers/serve.js) on this test's database, as a shop scaling out
 * runs several: its URL for `api.at(url)`, and a stop that waits for it to exit.
 */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

export interface SecondProcess {
  child: ChildProcess;
  url: string;
  /**
   * Stops it with SIGTERM (Strapi then runs strapi.destroy()), or crashes it with SIGKILL, and
   * waits until it has exited; answers how, and all it printed.
   */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts serve.js with these extra environment variables and waits until it listens. */
export const startSecondProcess = (env: Record<string, string> = {}) =>
  new Promise<SecondProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, 'serve.js')], { env: { ...process.env, ...env } });
    let output = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once('exit', (code, signal) => done({ code, signal }))
    );
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return { ...(await exited), output };
          },
        });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`second app process exited with ${code}: ${output}`)));
  });
