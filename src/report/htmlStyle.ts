import { html } from './htmlEscape.js';

/**
 * The report's only stylesheet, inlined. System fonts only (nothing to load);
 * colours are variables so dark mode and print just swap the palette. SVG
 * charts take their colours from here too. Every text colour keeps at least
 * 4.5:1 (WCAG AA) against the backgrounds it sits on, in both themes — a test
 * runs axe-core on reports in light and dark mode — e.g. --good #17703f on
 * --good-soft #e3f4ea is 5.4:1; text on a dark-mode accent fill is dark
 * (--on-accent), since white on #7d9bff would be 2.6:1.
 */
export const REPORT_STYLE = html`
:root {
  --bg: #f5f6f8; --surface: #ffffff; --surface-2: #f0f2f5; --border: #dde1e7;
  --text: #1c2330; --muted: #5d6878; --accent: #3157d5; --accent-soft: #e6ecfd;
  --good: #17703f; --good-soft: #e3f4ea; --fair: #8f5500; --fair-soft: #fdf1dc;
  --poor: #b0261f; --poor-soft: #fbe6e4; --track: #e3e7ee; --budget: #1c2330;
  --on-accent: #ffffff; --on-good: #ffffff;
  --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11151c; --surface: #1a2029; --surface-2: #222a35; --border: #2e3744;
    --text: #e6eaf0; --muted: #9aa5b5; --accent: #7d9bff; --accent-soft: #243055;
    --good: #4cc17f; --good-soft: #173626; --fair: #f0a93b; --fair-soft: #3a2c12;
    --poor: #ff7a70; --poor-soft: #3d1d1b; --track: #2b3440; --budget: #e6eaf0;
    --on-accent: #11151c; --on-good: #11151c;
    --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.15rem; }
h3 { font-size: 1rem; }
h4 { font-size: .95rem; }
h5, .feedback-title { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-bottom: 4px; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: .15em; }
a:hover { text-decoration-thickness: 2px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.panel p, .followup p { margin: 0; }
.card, .question, .hero { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; box-shadow: var(--shadow); }
.card { padding: 16px; }
.card > h2 { margin-bottom: 12px; }
.hero { padding: 20px; margin-bottom: 16px; }
.eyebrow { margin: 0 0 4px; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; }
.session-id { font-weight: 500; color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .8em; overflow-wrap: anywhere; }
.scorecard { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; margin: 16px 0; padding: 16px 20px; border-radius: 10px; background: var(--surface-2); border-left: 6px solid var(--muted); }
.scorecard.band-good { background: var(--good-soft); border-color: var(--good); }
.scorecard.band-fair { background: var(--fair-soft); border-color: var(--fair); }
.scorecard.band-poor { background: var(--poor-soft); border-color: var(--poor); }
.score-main { display: flex; align-items: baseline; gap: 12px; }
.big { font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.pct { font-size: 1.3rem; font-weight: 600; color: var(--muted); }
.verdict { font-size: 1.5rem; font-weight: 700; }
.band-good .verdict { color: var(--good); }
.band-fair .verdict { color: var(--fair); }
.band-poor .verdict { color: var(--poor); }
.verdict-label { display: block; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.pending-count { font-weight: 600; color: var(--fair); }
.meta { display: flex; flex-wrap: wrap; gap: 10px 32px; margin: 0; }
.meta > div { min-width: 0; }
.meta dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.notice { margin: 12px 0; padding: 10px 12px; border-radius: 8px; background: var(--accent-soft); }
.notice.warn { background: var(--fair-soft); }
.toc { margin-bottom: 16px; }
.toc ol { margin: 0; padding-left: 1.4em; }
.toc li { padding: 3px 0; }
.toc li a { overflow-wrap: anywhere; margin-right: 8px; }
.toc-meta { color: var(--muted); font-size: .85rem; white-space: nowrap; }
.charts { display: grid; gap: 16px; margin-bottom: 16px; }
@media (min-width: 800px) { .charts { grid-template-columns: 1fr 1fr; } }
.chart { display: block; overflow: hidden; }
.chart text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: var(--text); }
.chart text.value { font-variant-numeric: tabular-nums; fill: var(--muted); }
.chart text.muted { fill: var(--muted); }
.chart .track { fill: var(--track); }
.chart .bar.met, .key.met { fill: var(--good); background: var(--good); }
.chart .bar.partly, .key.partly { fill: var(--fair); background: var(--fair); }
.chart .bar.missed, .key.missed { fill: var(--poor); background: var(--poor); }
.chart .bar.spent, .key.spent { fill: var(--accent); background: var(--accent); }
.chart .overtime, .key.overtime { fill: var(--poor); background: var(--poor); }
.chart .budget { stroke: var(--budget); stroke-width: 2; }
.key.budget { background: var(--budget); width: 3px; }
.chart .over-text, .over-text { fill: var(--poor); color: var(--poor); font-weight: 600; }
.legend { margin: 8px 0 0; font-size: .8rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; }
.key { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-left: 8px; }
.key:first-child { margin-left: 0; }
.question { padding: 20px; margin-bottom: 16px; }
.q-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 12px; margin-bottom: 12px; }
.q-head h2, .q-head h3 { display: flex; align-items: center; gap: 10px; overflow-wrap: anywhere; min-width: 0; }
.q-num { flex: none; display: inline-grid; place-items: center; min-width: 30px; height: 30px; padding: 0 6px; border-radius: 15px; background: var(--accent); color: var(--on-accent); font-size: .9rem; }
.q-num.small { min-width: 26px; height: 26px; font-size: .75rem; background: var(--accent-soft); color: var(--accent); }
.q-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .95rem; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-block; padding: 2px 10px; border-radius: 999px; background: var(--surface-2); border: 1px solid var(--border); font-size: .8rem; font-weight: 600; white-space: nowrap; font-variant-numeric: tabular-nums; }
.chip .by { font-weight: 400; color: var(--muted); }
.chip.accent { background: var(--accent-soft); color: var(--accent); border-color: transparent; }
.chip.warn { background: var(--fair-soft); color: var(--fair); border-color: transparent; }
.chip.over { background: var(--poor-soft); color: var(--poor); border-color: var(--poor); }
.chip.muted { color: var(--muted); font-weight: 400; }
.chip.score.band-good { background: var(--good-soft); color: var(--good); border-color: transparent; }
.chip.score.band-fair { background: var(--fair-soft); color: var(--fair); border-color: transparent; }
.chip.score.band-poor { background: var(--poor-soft); color: var(--poor); border-color: transparent; }
.prompt { font-size: 1.05rem; font-weight: 500; margin-bottom: 14px; }
.compare { display: grid; gap: 12px; margin-bottom: 14px; }
@media (min-width: 720px) { .compare { grid-template-columns: 1fr 1fr; } }
.panel { min-width: 0; padding: 12px 14px; border-radius: 10px; border: 1px solid var(--border); background: var(--surface-2); margin-bottom: 14px; }
.compare .panel { margin-bottom: 0; }
.panel.model { border-left: 4px solid var(--good); }
.panel.yours { border-left: 4px solid var(--accent); }
.panel-title { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 6px; }
.phase { border-top: 1px solid var(--border); padding-top: 16px; margin-top: 16px; }
.options { list-style: none; margin: 0 0 14px; padding: 0; display: grid; gap: 8px; }
.option { display: flex; gap: 12px; padding: 10px 12px; border: 1px solid var(--border); border-radius: 10px; }
.option.correct { border-color: var(--good); background: var(--good-soft); }
.option.wrong { border-color: var(--poor); background: var(--poor-soft); }
.letter { flex: none; display: inline-grid; place-items: center; width: 26px; height: 26px; border-radius: 50%; background: var(--surface-2); border: 1px solid var(--border); font-weight: 700; text-transform: uppercase; font-size: .8rem; }
.option.chosen .letter { background: var(--accent); border-color: var(--accent); color: var(--on-accent); }
.option-body { min-width: 0; flex: 1; }
.option-text { font-weight: 600; }
.option-tags { display: flex; flex-wrap: wrap; gap: 6px; }
.option-tags:empty { display: none; }
.why { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
.tag { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 1px 8px; border-radius: 999px; background: var(--surface-2); }
.tag.pick { background: var(--accent); color: var(--on-accent); }
.tag.ok { background: var(--good); color: var(--on-good); }
.tag.warn { background: var(--fair-soft); color: var(--fair); }
.explanation { margin-bottom: 14px; }
.explanation h3 { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 4px; }
.followup { padding: 12px 14px; border-radius: 10px; border: 1px dashed var(--border); margin-bottom: 14px; }
.followup h4 { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin-bottom: 4px; }
.followup-q { font-weight: 600; margin-bottom: 4px; }
.turn { margin: 6px 0; }
.turn.interviewer { padding-left: 10px; border-left: 3px solid var(--border); }
.turn-who { font-size: .8rem; font-weight: 600; color: var(--muted); }
.turn-note { font-weight: 400; }
.grades { display: grid; gap: 12px; }
.grade-card { border: 1px solid var(--border); border-radius: 10px; padding: 12px 14px; min-width: 0; }
.grade-card.model { border-top: 3px solid var(--accent); }
.grade-card.self { border-top: 3px solid var(--good); }
.grade-title { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin-bottom: 8px; }
.grade-title .by { font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
table.criteria { width: 100%; border-collapse: collapse; font-size: .9rem; }
.criteria th { text-align: left; font-size: .72rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--border); padding: 4px 6px; }
.criteria td { vertical-align: top; padding: 8px 6px; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
.criteria tr:last-child td { border-bottom: 0; }
.criteria .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.criterion { font-weight: 500; }
.detail { font-size: .85rem; color: var(--muted); margin-top: 4px; white-space: pre-wrap; }
.detail-label { font-weight: 600; }
.evidence { margin: 6px 0 0; padding: 4px 10px; border-left: 3px solid var(--border); font-size: .85rem; font-style: italic; white-space: pre-wrap; }
.mark-cell { white-space: nowrap; }
.mark { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 999px; font-size: .75rem; font-weight: 700; }
.mark.met { background: var(--good-soft); color: var(--good); }
.mark.partly { background: var(--fair-soft); color: var(--fair); }
.mark.missed { background: var(--poor-soft); color: var(--poor); }
.feedback { margin-top: 10px; padding: 10px 12px; border-radius: 8px; background: var(--accent-soft); }
.flags { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.footer { text-align: center; color: var(--muted); font-size: .8rem; margin-top: 24px; overflow-wrap: anywhere; }
@media (max-width: 480px) {
  .page { padding: 12px 10px 32px; }
  .hero, .question { padding: 14px; }
  .big { font-size: 1.6rem; }
  .verdict { font-size: 1.25rem; }
}
@media print {
  :root {
    --bg: #fff; --surface: #fff; --surface-2: #f4f5f7; --border: #ccd1d9;
    --text: #000; --muted: #4a5260; --accent: #3157d5; --accent-soft: #e6ecfd;
    --good: #17703f; --good-soft: #e3f4ea; --fair: #8f5500; --fair-soft: #fdf1dc;
    --poor: #b0261f; --poor-soft: #fbe6e4; --track: #e3e7ee; --budget: #000; --shadow: none;
    --on-accent: #ffffff; --on-good: #ffffff;
  }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .toc { display: none; }
  .card, .question, .hero { border-color: #ccc; box-shadow: none; }
  .phase > .q-head, .card, .grade-card, .option, .panel { break-inside: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
