// The browser side of the channel between the in-host tests and the page. A test prints
//   __HINDSIGHT_DRIVE__ {"id": "...", "steps": [{"do": "shot", "name": "editor"}, ...]}
// on the extension host's console; the workbench hands that line to codeAutomationLog, the steps
// run here against the page as a person would (keys, screenshots, reading what is shown, also
// inside webviews), and the answer is written to <channelDir>/<id>.json for the test to read.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DRIVE_MARKER = '__HINDSIGHT_DRIVE__';

/** Polls `find` until it returns something other than undefined, or throws at the deadline. */
async function poll(find, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`driver: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Texts of every element matching `selector` in the first frame (webviews included) that has one. */
async function textsInFrames(page, selector) {
  for (const frame of page.frames()) {
    const texts = await frame.$$eval(selector, (els) => els.map((el) => el.textContent.trim())).catch(() => []);
    if (texts.length > 0) return texts;
  }
  return undefined;
}

const STEPS = {
  /** Waits until an element is visible, optionally one containing `text`. */
  waitFor: async (page, { selector, text, timeout = 20_000 }) => {
    await page
      .locator(selector)
      .filter(text ? { hasText: text } : {})
      .first()
      .waitFor({ state: 'visible', timeout });
  },
  text: (page, { selector }) => page.locator(selector).first().innerText(),
  press: (page, { key }) => page.keyboard.press(key),
  click: (page, { selector }) => page.locator(selector).first().click(),
  type: (page, { text }) => page.keyboard.type(text),
  /** Sets an input's value wherever the focus is. */
  fill: (page, { selector, text }) => page.locator(selector).first().fill(text),
  /** Moves the mouse away, so that a hover or tooltip does not stay in the next screenshot. */
  mouseAway: (page) => page.mouse.move(1, 1),
  frameTexts: (page, { selector, timeout = 20_000 }) =>
    poll(() => textsInFrames(page, selector), `${selector} in a frame`, timeout),
  shot: async (page, { name }, { shotDir }) => {
    const file = join(shotDir, `${name}.png`);
    // Finished transitions only: a picker caught fading in looks transparent.
    await page.screenshot({ path: `${file}.tmp`, type: 'png', animations: 'disabled' });
    renameSync(`${file}.tmp`, file);
    return file;
  },
};

/** Runs one request's steps in order; the answer holds each step's result, or the first error. */
export async function drive(page, line, { channelDir, shotDir }) {
  const { id, steps } = JSON.parse(line.slice(DRIVE_MARKER.length));
  const results = [];
  let answer;
  try {
    for (const step of steps) {
      const run = STEPS[step.do];
      if (!run) throw new Error(`driver: unknown step ${JSON.stringify(step)}`);
      const result = await run(page, step, { shotDir });
      if (process.env.HINDSIGHT_DRIVE_DEBUG) console.log('driver:', step.do, JSON.stringify(result));
      results.push(result ?? null);
    }
    answer = { ok: true, results };
  } catch (error) {
    // What the page looked like when a step failed says more than the error.
    const shot = await STEPS.shot(page, { name: `failed-${id}` }, { shotDir }).catch(() => 'no screenshot');
    answer = { ok: false, error: `${String(error?.message ?? error).split('\n')[0]} (page: ${shot})`, results };
  }
  const file = join(channelDir, `${id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(answer));
  renameSync(`${file}.tmp`, file);
}
