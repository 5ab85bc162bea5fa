// Answer editor latency through a real pseudo-terminal (PRODUCT targets from issue 11):
// 3,000 pasted characters visible within 100 ms; 20,000 characters appended to a
// 10,000-character answer within 500 ms; a keystroke echoed within 16 ms with a
// 10,000-character answer. Baseline in the same run: a bare node program in raw
// mode that echoes what it reads (the least any terminal program can do).
import { join } from 'node:path';
import pty from '@lydell/node-pty';
import { BIN, ROOT, median, tempDir, verdict } from './lib.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const ECHO = "process.stdin.setRawMode(true);process.stdin.on('data',(d)=>{if(d.includes(4)){process.stdin.setRawMode(false);process.stdin.destroy();return}process.stdout.write(d.toString().replace(/\\u001b\\[20[01]~/g,''))});process.stdout.write('READY')";
const paste = (text) => `\u001b[200~${text}\u001b[201~`;

function start(args, env, { redraws }) {
  const child = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: 80, rows: 24, cwd: ROOT, env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env } });
  let output = '';
  child.onData((data) => (output += data));
  /** Resolves when `text` appears in the output after `from`. */
  const waitFor = (text, from = 0, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      const poll = () => {
        if (output.indexOf(text, from) !== -1) return resolve();
        if (Date.now() > deadline) return reject(new Error(`bench: timed out waiting for ${JSON.stringify(text)}`));
        setImmediate(poll);
      };
      poll();
    });
  return { child, waitFor, redraws, mark: () => output.length };
}

/** Milliseconds from writing `keys` until `marker` shows up in output printed after the write. */
async function timeEcho(term, keys, marker) {
  const from = term.mark();
  const started = process.hrtime.bigint();
  term.child.write(keys);
  await term.waitFor(marker, from);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function measure(term, runs) {
  // The filler is words, so the viewport wraps at spaces and the markers stay whole on one row.
  const words = (count, tag) => `${Array.from({ length: Math.ceil(count / 8) }, () => 'lorem ip').join('').slice(0, count - tag.length - 1)} ${tag}`;
  const pasteEmpty = await timeEcho(term, paste(words(3000, 'P3K')), 'P3K');
  await timeEcho(term, paste(words(7000, 'P10K')), 'P10K');
  // Keystrokes at the end of a 10,000-character answer. The editor redraws the row, so its
  // typed tail is unique on screen; the echo program prints just the key.
  let typed = '';
  const keys = [];
  for (let run = 0; run < runs; run += 1) {
    const key = String.fromCharCode(0x61 + (run % 26));
    typed += key;
    keys.push(await timeEcho(term, key, term.redraws ? `P10K${typed}` : key));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const pasteBig = await timeEcho(term, paste(words(20_000, 'P20K')), 'P20K');
  return { pasteEmpty, pasteBig, keystroke: median(keys) };
}

export async function benchEditor({ runs = 31 } = {}) {
  const baseline = start(['-e', ECHO], {}, { redraws: false });
  await baseline.waitFor('READY');
  const base = await measure(baseline, runs);
  baseline.child.write('\u0004');

  const coach = start([BIN, 'quiz', 'sample', '--type', 'short', '--count', '1', '--grader', 'self'], { COACH_HOME: tempDir('coach-bench-editor-'), COACH_TOPICS: FIXTURES, NO_COLOR: '1' }, { redraws: true });
  await coach.waitFor('Ctrl+D: submit');
  const ours = await measure(coach, runs);
  coach.child.kill('SIGKILL');

  const rows = [
    { name: 'paste 3,000 chars into an empty answer', base: base.pasteEmpty, ms: ours.pasteEmpty, target: 100 },
    { name: 'paste 20,000 chars onto 10,000', base: base.pasteBig, ms: ours.pasteBig, target: 500 },
    { name: `keystroke echo, 10,000-char answer (median of ${runs})`, base: base.keystroke, ms: ours.keystroke, target: 16 },
  ];
  console.log('\nanswer editor through a pseudo-terminal (80x24), against a raw-mode echo program');
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(52)} ${row.ms.toFixed(1).padStart(7)} ms  (echo ${row.base.toFixed(1)} ms, ${(row.ms / row.base).toFixed(1)}x)  target <= ${row.target} ms  ${verdict(row.ms <= row.target)}`);
  }
  return rows.every((row) => row.ms <= row.target);
}
