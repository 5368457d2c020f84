#!/usr/bin/env node
/**
 * Runs Lighthouse 12 (ESM-only, hence this .mjs spawned by run.ts) in Debian's Chromium on a list
 * of pages, each with the mobile default (simulated throttling) and the desktop preset.
 *
 *   node tools/bench/web/lighthouse.mjs <job.json> <result.json>
 *
 * job.json: { pages: [{ name, url }], headers: { Cookie }, presets: ['mobile', 'desktop'],
 *             runs: 1, lhrDir: 'tmp/lighthouse' }
 * result.json: one entry per page × preset × run with the scores, the metrics, the transferred
 * JavaScript and the audits that did not pass. A full Lighthouse report (JSON) of each run is
 * kept in lhrDir for a closer look (open it at https://googlechrome.github.io/lighthouse/viewer/).
 * One Chromium per run, as Lighthouse advises, always killed (also on SIGINT/SIGTERM).
 */
import { launch } from 'chrome-launcher';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) {
  console.error('usage: node tools/bench/web/lighthouse.mjs <job.json> <result.json>');
  process.exit(2);
}
const job = JSON.parse(readFileSync(jobFile, 'utf8'));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let chrome = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    try {
      chrome?.kill();
    } finally {
      process.exit(130);
    }
  });
}

const audit = (lhr, id) => lhr.audits[id];
const num = (lhr, id) => audit(lhr, id)?.numericValue ?? null;

/**
 * Audits of a category that did not pass (score < 1), with up to five offending elements or URLs,
 * and the ones Lighthouse could not run (score null, displayValue says why). The metrics are in
 * the report's table and manual checks are not findings, so neither is listed.
 */
function flagged(lhr, category) {
  const out = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const a = lhr.audits[ref.id];
    if (!a || ref.group === 'metrics' || ['interactive', 'max-potential-fid'].includes(a.id)) continue;
    if (a.scoreDisplayMode === 'error') {
      out.push({
        id: a.id,
        title: a.title,
        score: null,
        displayValue: `could not run: ${a.errorMessage ?? '?'}`,
        items: [],
      });
      continue;
    }
    if (a.score === null || a.score >= 1) continue;
    if (['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode)) continue;
    const items = (a.details?.items ?? [])
      .slice(0, 5)
      .map((i) => i.node?.snippet ?? i.node?.selector ?? i.url ?? i.source?.url ?? null)
      .filter(Boolean);
    out.push({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? '', items });
  }
  return out;
}

async function runOnce(page, preset, run) {
  chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: job.headers ?? {},
    };
    const result = await lighthouse(page.url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result?.lhr) throw new Error(`Lighthouse returned no result for ${page.url}`);
    const { lhr } = result;
    if (lhr.runtimeError)
      throw new Error(`${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    mkdirSync(job.lhrDir, { recursive: true });
    const lhrFile = join(job.lhrDir, `${page.name}-${preset}-${run}.json`);
    writeFileSync(lhrFile, result.report);
    const requests = audit(lhr, 'network-requests')?.details?.items ?? [];
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    return {
      page: page.name,
      url: page.url,
      finalUrl: lhr.finalDisplayedUrl,
      preset,
      run,
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      fcpMs: num(lhr, 'first-contentful-paint'),
      lcpMs: num(lhr, 'largest-contentful-paint'),
      tbtMs: num(lhr, 'total-blocking-time'),
      cls: num(lhr, 'cumulative-layout-shift'),
      speedIndexMs: num(lhr, 'speed-index'),
      jsTransferBytes: scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0),
      jsResourceBytes: scripts.reduce((s, r) => s + (r.resourceSize ?? 0), 0),
      jsRequests: scripts.length,
      totalTransferBytes: requests.reduce((s, r) => s + (r.transferSize ?? 0), 0),
      requests: requests.length,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      warnings: lhr.runWarnings ?? [],
      flagged: { performance: flagged(lhr, 'performance'), accessibility: flagged(lhr, 'accessibility') },
      lhrFile,
    };
  } finally {
    await chrome.kill();
    chrome = null;
  }
}

/** Lighthouse sometimes fails to record a trace (NO_NAVSTART, NO_FCP on a busy machine): try again, twice. */
async function withRetries(fn, label) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt === 3) throw err;
      console.log(`  ${label}: ${err.message.split('\n')[0]} — trying again`);
    }
  }
}

const results = [];
for (const page of job.pages) {
  for (const preset of job.presets ?? ['mobile', 'desktop']) {
    for (let run = 1; run <= (job.runs ?? 1); run++) {
      const t0 = Date.now();
      const r = await withRetries(() => runOnce(page, preset, run), `${page.name} ${preset}`);
      results.push(r);
      console.log(
        `  ${page.name} ${preset}${job.runs > 1 ? ` #${run}` : ''}: performance ${r.performance}, ` +
          `accessibility ${r.accessibility} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      );
    }
  }
}
writeFileSync(resultFile, JSON.stringify({ runs: results, shifts: await layoutShifts() }, null, 2));

/**
 * Lighthouse 12.2.3 cannot attribute layout shifts in Chromium 156's traces ("could not run"):
 * load each page once more, unthrottled, at a phone's and a desktop's size, and keep the shifts
 * the browser reports (PerformanceObserver 'layout-shift') with the elements that moved.
 */
async function layoutShifts() {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
  const out = [];
  try {
    for (const page of job.pages.filter((p) => !p.name.endsWith('[gzip]')))
      for (const [preset, width, height] of [
        ['mobile', 412, 823],
        ['desktop', 1350, 940],
      ]) {
        const context = await browser.newContext({
          viewport: { width, height },
          extraHTTPHeaders: job.headers ?? {},
        });
        const tab = await context.newPage();
        await tab.addInitScript(() => {
          const describe = (n) =>
            !n
              ? '?'
              : n.nodeType === 1
                ? `<${n.tagName.toLowerCase()}${n.id ? ` id="${n.id}"` : ''}${n.getAttribute('class') ? ` class="${n.getAttribute('class')}"` : ''}> ${(n.textContent ?? '').trim().slice(0, 50)}`
                : `text: ${(n.textContent ?? '').trim().slice(0, 50)}`;
          window.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries())
              if (!e.hadRecentInput)
                window.__shifts.push({
                  atMs: Math.round(e.startTime),
                  value: e.value,
                  moved: e.sources.map((x) => describe(x.node)),
                });
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await tab.goto(page.url, { waitUntil: 'networkidle' });
        await tab.waitForTimeout(1000);
        const shifts = await tab.evaluate(() => window.__shifts);
        out.push({
          page: page.name,
          preset,
          total: shifts.reduce((s, x) => s + x.value, 0),
          shifts: shifts.filter((x) => x.value >= 0.005),
        });
        await context.close();
      }
  } finally {
    await browser.close();
  }
  return out;
}
