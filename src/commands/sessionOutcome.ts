import type { Context } from '../context.js';
import { buildReport } from '../report/build.js';
import { weakestCriteria } from '../report/weakest.js';
import type { Session } from '../session/model.js';
import { renderSummary } from '../ui/summary.js';
import { outputWidth } from '../ui/width.js';

/** After a session: the report JSON with --json, else the human summary. */
export function printSessionOutcome(session: Session, ctx: Pick<Context, 'json' | 'stdout' | 'style' | 'sessions' | 'env'>): void {
  const report = buildReport(session);
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(renderSummary(report, weakestCriteria(session), ctx.sessions.pathOf(session.id), ctx.style, outputWidth(ctx), session));
}
