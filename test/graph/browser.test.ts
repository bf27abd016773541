/**
 * The SVG goldens in a real browser: headless Chromium takes a screenshot of each, and the PNG must
 * have the SVG's size and show the picture — panel white, the fills of the boxes it draws, dark
 * text — not a blank page or a broken-image icon. Skipped, with a notice, where Chromium is not
 * installed (Debian: apt-get install -y chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIND_STYLE } from '../../src/graph/style.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { decodePng } from './png.js';

const chromium = ['chromium', 'chromium-browser', 'google-chrome']
  .flatMap((name) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)))
  .find((p) => existsSync(p));
if (!chromium) console.warn('NOTICE: chromium is not installed; the browser test of the graph SVG is skipped (apt-get install -y chromium).');

const CASES = ['seed', 'k8s-hpa-irsa'];

function screenshot(svgFile: string, width: number, height: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-graph-browser-'));
  try {
    const png = join(dir, 'shot.png');
    execFileSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${png}`,
        `--window-size=${width},${height}`,
        pathToFileURL(svgFile).href,
      ],
      { stdio: 'ignore', timeout: 90_000 },
    );
    return readFileSync(png);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hex = (c: string): [number, number, number] => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];

describe.skipIf(!chromium)('graph SVG in headless Chromium', () => {
  for (const name of CASES) {
    it(`${name}: the screenshot has the SVG's size and shows its boxes and text`, { timeout: 120_000 }, () => {
      const file = join(FIXTURES, name, 'graph/graph.svg');
      const svg = readFileSync(file, 'utf8');
      const [, w, h] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
      const img = decodePng(screenshot(file, Number(w), Number(h)));
      expect([img.width, img.height]).toEqual([Number(w), Number(h)]);
      const count = (match: (r: number, g: number, b: number) => boolean): number => {
        let n = 0;
        for (let i = 0; i < img.pixels.length; i += 4) if (match(img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!)) n++;
        return n;
      };
      const near = (c: string) => {
        const [R, G, B] = hex(c);
        return (r: number, g: number, b: number) => Math.abs(r - R) + Math.abs(g - G) + Math.abs(b - B) <= 6;
      };
      const total = img.width * img.height;
      // The page background of the SVG and the white of its panels cover most of it, not all.
      expect(count(near('#eceff1')) / total).toBeGreaterThan(0.02);
      expect(count(near('#ffffff')) / total).toBeGreaterThan(0.2);
      // Boxes: the fills of the kinds every case draws (containers, services) cover real areas.
      for (const kind of ['container', 'service', 'loadBalancer'] as const) {
        expect(count(near(KIND_STYLE[kind].fill)), kind).toBeGreaterThan(2000);
      }
      // Text: dark pixels, many of them.
      expect(count((r, g, b) => r + g + b < 200)).toBeGreaterThan(2000);
    });
  }
});
