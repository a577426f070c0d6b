/** Another app process (tests/helpers/serve.js) on this test's database. */
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

export interface SecondProcess {
  child: ChildProcess;
  url: string;
  /** Stops it with SIGTERM (serve.js then runs strapi.destroy()) and waits until it has exited. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts serve.js with these extra environment variables and waits until it listens. */
export const startSecondProcess = (env: Record<string, string> = {}) =>
  new Promise<SecondProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, 'serve.js')], { env: { ...process.env, ...env } });
    let output = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return { ...(await exited), output };
          },
        });
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`second app process exited with ${code}: ${output}`)));
  });
