// Generates a large topic bank for the lint-scale benchmark: mixed choice, short
// and design questions averaging ~630 bytes each, the workload PRODUCT.md
// measures (10,000 questions = 6.3 MB in 200 files).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const words = 'cache shard replica quorum leader partition index latency queue token session'.split(' ');
const sentence = (seed, length) => Array.from({ length }, (_, k) => words[(seed * 7 + k * 13) % words.length]).join(' ');

function question(topic, index) {
  const id = `${topic}-q${index}`;
  if (index % 50 === 49) {
    const phases = ['requirements', 'components', 'scale', 'api', 'data-flow', 'ops']
      .map((phase, k) => `      - id: ${phase}\n        title: Phase ${k}\n        minutes: ${[5, 10, 10, 5, 10, 5][k]}\n        prompt: |\n          ${sentence(index + k, 20)}\n        rubric:\n${rubric(index + k, 10)}        modelAnswer: |\n          ${sentence(index + k, 30)}\n        followUps: ["${sentence(k, 8)}?"]\n`)
      .join('');
    return `  - id: ${id}\n    type: design\n    difficulty: hard\n    prompt: |\n      ${sentence(index, 30)}\n    phases:\n${phases}`;
  }
  if (index % 2 === 0) {
    const options = [0, 1, 2].map((k) => `      - text: ${sentence(index + k, 6)}\n${k === index % 3 ? '        correct: true\n' : ''}        why: ${sentence(index + k, 4)}\n`).join('');
    return `  - id: ${id}\n    type: choice\n    difficulty: easy\n    tags: [${words[index % words.length]}]\n    prompt: ${sentence(index, 10)}?\n    choices:\n${options}    explanation: ${sentence(index, 6)}\n`;
  }
  return `  - id: ${id}\n    type: short\n    difficulty: medium\n    tags: [${words[index % words.length]}]\n    prompt: |\n      ${sentence(index, 16)}?\n    rubric:\n${rubric(index, 6)}    modelAnswer: |\n      ${sentence(index, 8)}\n`;
}

function rubric(seed, indent) {
  const pad = ' '.repeat(indent);
  return [0, 1, 2]
    .map((k) => `${pad}- id: c${k}\n${pad}  points: ${k + 1}\n${pad}  criterion: ${sentence(seed + k, 7)}.\n`)
    .join('');
}

export function generateTopics(dir, files, questionsPerFile) {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let file = 0; file < files; file += 1) {
    const topic = `gen-${String(file).padStart(4, '0')}`;
    const body = `id: ${topic}\ntitle: Generated topic ${file}\nquestions:\n${Array.from({ length: questionsPerFile }, (_, index) => question(topic, index)).join('')}`;
    writeFileSync(join(dir, `${topic}.yaml`), body);
    bytes += Buffer.byteLength(body);
  }
  return bytes;
}
