// LLM grading: 50 answers through `coach grade --llm` against a loopback
// OpenAI-compatible server with 300 ms latency. Wall time against the ideal
// ceil(50 / concurrency) x 0.3 s (target <= 1.3x), the cached regrade's request
// count (target 0), and prompt tokens per grade.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLlmServer } from '../helpers/llmServer.js';
import { BIN, tempDir, verdict } from './lib.js';

const ANSWERS = 50;
const LATENCY_MS = 300;

// Asynchronous on purpose: the server runs in this process and must keep answering.
function run(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`coach ${args.join(' ')} failed (${code}):\n${stderr}`));
      else resolve({ ms, stdout });
    });
  });
}

function makeBank(root) {
  const topics = join(root, 'topics');
  mkdirSync(topics, { recursive: true });
  const questions = Array.from({ length: ANSWERS }, (_, index) => `  - id: bench-${index}
    type: short
    prompt: "Question ${index}, how would you keep a cache consistent with its database under concurrent writes?"
    rubric:
      - { id: order, points: 3, criterion: Writes the database first and then deletes the cache key. }
      - { id: race, points: 2, criterion: Names the stale-set race and bounds it with a TTL. }
      - { id: numbers, points: 1, criterion: Gives a concrete TTL and explains the trade-off. }
    modelAnswer: Write the database, then delete the key; bound the stale-set race with a TTL of minutes.
`).join('');
  writeFileSync(join(topics, 'bench.yaml'), `id: bench\ntitle: Bench\nquestions:\n${questions}`);
  const answers = join(root, 'answers.yaml');
  writeFileSync(answers, Array.from({ length: ANSWERS }, (_, index) => `bench-${index}: Answer ${index} writes the database, then deletes the key, and a TTL bounds the race.`).join('\n'));
  return { topics, answers };
}

export async function benchGrading({ concurrency = 4 } = {}) {
  const root = tempDir('coach-bench-grading-');
  const { topics, answers } = makeBank(root);
  const server = await startLlmServer();
  try {
    const env = { COACH_HOME: join(root, 'home'), COACH_TOPICS: topics, OPENAI_BASE_URL: server.url, COACH_MODEL: 'bench-model', NO_COLOR: '1' };
    await run(['quiz', '--answers', answers, '--grader', 'self'], env);
    server.setLatency(LATENCY_MS);
    const first = await run(['grade', '--llm', '--concurrency', String(concurrency), '--json'], env);
    const requestsFirst = server.requests.length;
    const second = await run(['grade', '--llm', '--concurrency', String(concurrency), '--json'], env);
    const regradeRequests = server.requests.length - requestsFirst;
    const report = JSON.parse(first.stdout);
    const usages = report.questions.map((question) => question.grade.usage?.promptTokens ?? 0);
    const promptTokens = usages.reduce((sum, tokens) => sum + tokens, 0) / usages.length;
    const ideal = Math.ceil(ANSWERS / concurrency) * LATENCY_MS;
    const ratio = first.ms / ideal;
    console.log(`\nLLM grading: ${ANSWERS} answers, ${LATENCY_MS} ms server latency, concurrency ${concurrency}`);
    console.log(`  first grade     ${first.ms.toFixed(0).padStart(6)} ms  ideal ${ideal} ms  ${ratio.toFixed(2)}x  target <= 1.3x  ${verdict(ratio <= 1.3)}`);
    console.log(`  cached regrade  ${second.ms.toFixed(0).padStart(6)} ms  ${regradeRequests} requests  target 0  ${verdict(regradeRequests === 0)}`);
    console.log(`  requests sent   ${requestsFirst} for ${ANSWERS} answers; prompt tokens per grade ~${promptTokens.toFixed(0)}`);
    return ratio <= 1.3 && regradeRequests === 0;
  } finally {
    await server.close();
  }
}
