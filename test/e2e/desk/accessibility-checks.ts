import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core run inside the page (WCAG 2.1 A and AA rules), and the layout checks of the
// accessibility test. @axe-core/playwright needs Node 22, so its engine is injected directly.

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the desk's Content-Security-Policy does not apply.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const options = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };
  const results = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(options)})`);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
}

/** How far the page reaches past the window's right edge, and the elements that reach furthest. */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  // A string: the tests' TypeScript has no DOM types (the function runs in the page).
  return page.evaluate<{ overflow: number; culprits: string[] }>(`(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits = [];
    if (overflow > 0)
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0 && culprits.length < 6)
          culprits.push(el.tagName.toLowerCase() + '.' + String(el.className) + ' right=' + Math.round(box.right));
      }
    return { overflow, culprits };
  })()`);
}

/** WCAG contrast ratio of two CSS colours as Chromium computes them (rgb() or color(srgb …)). */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (css: string): number => {
    const rgb = /rgba?\(([^)]+)\)/.exec(css);
    const srgb = /color\(srgb ([^)]+)\)/.exec(css);
    let channels: number[];
    if (rgb)
      channels = rgb[1]!
        .split(/[ ,/]+/)
        .slice(0, 3)
        .map((v) => Number(v) / 255);
    else if (srgb) channels = srgb[1]!.split(/[ /]+/).slice(0, 3).map(Number);
    else throw new Error(`cannot read the colour ${css}`);
    const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}
