import { expect, waitUntil } from '@open-wc/testing';
import type { CivicFeedback } from '../src/civic-feedback.js';
import { newEndpoint, received } from './helpers/open311.js';
import {
  choose,
  chooseFiles,
  clearOutbox,
  fill,
  focused,
  png,
  query,
  renderFeedback,
  shadow,
  submit,
  waitForShadow,
} from './helpers/widget.js';

/** Whether `selector` matches in the widget (assertions compare booleans: a failed assertion holding a DOM node hangs the test runner). */
function has(element: CivicFeedback, selector: string): boolean {
  return shadow(element).querySelector(selector) !== null;
}

// Photos are made smaller on the device (at most 1600 px on the long side,
// re-encoded as JPEG) and sent as multipart `media` parts.

/** Waits until the widget has finished preparing the chosen photos. */
async function photosPrepared(element: CivicFeedback): Promise<void> {
  await waitUntil(() => !shadow(element).querySelector('#add-photos[aria-disabled="true"]'), 'photos were not prepared', { timeout: 5000 });
  await element.updateComplete;
}

function thumbnails(element: CivicFeedback): HTMLCanvasElement[] {
  return [...shadow(element).querySelectorAll<HTMLCanvasElement>('.thumbnails canvas')];
}

function removeButtons(element: CivicFeedback): HTMLButtonElement[] {
  return [...shadow(element).querySelectorAll<HTMLButtonElement>('.thumbnails button.remove-photo')];
}

function photoProblem(element: CivicFeedback): string {
  return (shadow(element).querySelector('#photos-error')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function decode(url: string): Promise<ImageBitmap> {
  const response = await fetch(url);
  expect(response.headers.get('content-type')).to.equal('image/jpeg');
  return createImageBitmap(await response.blob());
}

describe('<civic-feedback> photos', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });
  afterEach(async () => {
    sessionStorage.clear();
    await clearOutbox();
  });

  it('shows a labelled thumbnail and sends a large photo downscaled to 1600 px as one JPEG media part', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Pothole, see photo');
    chooseFiles(element, [await png(3000, 2000, 'pothole.png')]);
    await waitForShadow(element, '.thumbnails canvas');
    await photosPrepared(element);

    const [thumbnail] = thumbnails(element);
    expect(thumbnail!.getAttribute('role')).to.equal('img');
    expect(thumbnail!.getAttribute('aria-label')).to.equal('Photo 1: pothole.jpg');
    // The thumbnail is drawn, not left blank.
    const pixel = thumbnail!.getContext('2d')!.getImageData(48, 48, 1, 1).data;
    expect(pixel[3]).to.equal(255);
    expect(removeButtons(element).map((button) => button.textContent!.trim())).to.deep.equal(['Remove photo 1']);

    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const server = await received(endpoint);
    expect(server.created).to.equal(1);
    const [post] = server.received;
    expect(post!.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
    expect(post!.fields['service_code']).to.deep.equal(['pothole']);
    expect(post!.fields['description']).to.deep.equal(['Pothole, see photo']);
    expect(post!.media).to.have.length(1);
    expect(post!.media[0]!.type).to.equal('image/jpeg');

    const stored = await decode(post!.media[0]!.url);
    expect(stored.width).to.equal(1600);
    expect(stored.height).to.equal(Math.round((2000 * 1600) / 3000));
    expect(stored.width / stored.height).to.be.closeTo(3000 / 2000, 0.002);
    // The photo is no longer shown after sending.
    expect(has(element, '.thumbnails'), '.thumbnails').to.equal(false);
  });

  it('keeps the long side of a portrait photo at 1600 px', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Portrait photo');
    chooseFiles(element, [await png(1200, 2400, 'tall.png')]);
    await waitForShadow(element, '.thumbnails canvas');
    await photosPrepared(element);
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    const stored = await decode(post!.media[0]!.url);
    expect([stored.width, stored.height]).to.deep.equal([800, 1600]);
  });

  it('does not upscale a small photo', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Small photo');
    chooseFiles(element, [await png(800, 600, 'small.png')]);
    await waitForShadow(element, '.thumbnails canvas');
    await photosPrepared(element);
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.media.map((media) => media.type)).to.deep.equal(['image/jpeg']);
    const stored = await decode(post!.media[0]!.url);
    expect([stored.width, stored.height]).to.deep.equal([800, 600]);
  });

  it('keeps only max-photos photos and says why', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0', 'max-photos': '2' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Three photos chosen');
    chooseFiles(element, [await png(400, 300, 'one.png'), await png(400, 300, 'two.png'), await png(400, 300, 'three.png')]);
    await waitUntil(() => thumbnails(element).length === 2, 'two thumbnails did not appear', { timeout: 5000 });
    await element.updateComplete;

    expect(thumbnails(element).map((canvas) => canvas.getAttribute('aria-label'))).to.deep.equal([
      'Photo 1: one.jpg',
      'Photo 2: two.jpg',
    ]);
    expect(photoProblem(element)).to.include('You can add up to 2 photos.');
    // Full: no file input, and the count is said instead.
    expect(has(element, '#photos'), '#photos').to.equal(false);
    expect(shadow(element).textContent).to.include('You have added 2 of 2 photos.');

    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.media).to.have.length(2);
  });

  it('says when a file cannot be read as a photo', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Wrong file');
    chooseFiles(element, [new File(['not a picture at all'], 'notes.txt', { type: 'text/plain' })]);
    await waitUntil(() => photoProblem(element) !== '', 'no message about the file', { timeout: 5000 });
    expect(photoProblem(element)).to.include('notes.txt could not be read as a photo');
    expect(thumbnails(element).length).to.equal(0);

    // The report still goes out, without media.
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [post] = (await received(endpoint)).received;
    expect(post!.media).to.have.length(0);
  });

  it('removes a photo and moves focus to the next remove button, then to the file input', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0', 'max-photos': '2' });
    chooseFiles(element, [await png(300, 200, 'first.png'), await png(200, 300, 'second.png')]);
    await waitUntil(() => thumbnails(element).length === 2, 'two thumbnails did not appear', { timeout: 5000 });
    await element.updateComplete;
    expect(has(element, '#photos'), '#photos').to.equal(false);

    removeButtons(element)[0]!.focus();
    removeButtons(element)[0]!.click();
    await waitUntil(() => thumbnails(element).length === 1, 'the photo was not removed');
    await waitUntil(() => shadow(element).activeElement === removeButtons(element)[0], 'focus did not move to the next remove button');
    expect(thumbnails(element)[0]!.getAttribute('aria-label')).to.equal('Photo 1: second.jpg');
    expect(removeButtons(element)[0]!.textContent!.trim()).to.equal('Remove photo 1');

    removeButtons(element)[0]!.click();
    await waitUntil(() => thumbnails(element).length === 0, 'the last photo was not removed');
    await waitUntil(() => shadow(element).activeElement === shadow(element).querySelector('#add-photos'), 'focus did not move to the file input');
    expect(photoProblem(element)).to.equal('');

    // Remove the last of two: focus goes to the one before.
    chooseFiles(element, [await png(300, 200, 'a.png'), await png(300, 200, 'b.png')]);
    await waitUntil(() => thumbnails(element).length === 2, 'photos were not added again', { timeout: 5000 });
    await element.updateComplete;
    removeButtons(element)[1]!.click();
    await waitUntil(() => thumbnails(element).length === 1, 'the second photo was not removed');
    await waitUntil(() => shadow(element).activeElement === removeButtons(element)[0], 'focus did not move to the remaining remove button');
    expect(thumbnails(element)[0]!.getAttribute('aria-label')).to.equal('Photo 1: a.jpg');
  });

  it('has no photo input with max-photos="0"', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0', 'max-photos': '0' });
    expect(has(element, 'input[type="file"]'), 'input[type="file"]').to.equal(false);
    expect(has(element, 'label[for="photos"]'), 'label[for="photos"]').to.equal(false);
    expect(has(element, 'form'), 'form').to.equal(true);
  });
  it('Send while photos are still being prepared sends nothing and says to wait; once they are ready, one report with the photo', async () => {
    const endpoint = newEndpoint();
    const element = await renderFeedback({ endpoint, 'min-fill-time': '0' });
    await choose(element, 'pothole');
    await fill(element, '#description', 'Huge photo of the hole');
    const huge = await png(6000, 4000, 'huge.png');
    // Everything the polite live region says, as it says it.
    const status = query(element, '[role="status"]');
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(status.textContent!.trim()));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    try {
      chooseFiles(element, [huge]);
      await submit(element); // at once, while the photo is still being made smaller
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a wrongly started report to arrive
      expect((await received(endpoint)).received.map((post) => `a report with ${post.media.length} photo(s)`)).to.deep.equal([]);
      expect(has(element, '.outcome'), '.outcome').to.equal(false);
      await waitUntil(() => announced.includes('Wait until the photos are ready, then send.'), 'no announcement to wait', { timeout: 3000 });
      await photosPrepared(element);
    } finally {
      observer.disconnect();
    }
    expect(thumbnails(element).length).to.equal(1);
    expect((await received(endpoint)).received).to.have.length(0);

    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const server = await received(endpoint);
    expect(server.received).to.have.length(1);
    expect(server.received[0]!.media).to.have.length(1);
    expect(server.received[0]!.fields['description']).to.deep.equal(['Huge photo of the hole']);

    // The next report starts without it.
    [...shadow(element).querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Send another message')!.click();
    await waitForShadow(element, 'form #description');
    expect(thumbnails(element).length).to.equal(0);
    await choose(element, 'pothole');
    await fill(element, '#description', 'A second hole, no photo');
    await submit(element);
    await waitForShadow(element, '.outcome.sent');
    const [, second] = (await received(endpoint)).received;
    expect(second!.media).to.have.length(0);
  });

  it('once photos reach max-photos, focus moves to the sentence that says so (the file input it was on is gone)', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0', 'max-photos': '1' });
    query(element, '#add-photos').focus();
    chooseFiles(element, [await png(400, 300, 'only.png')]);
    const full = await waitForShadow(element, '#photos-full');
    expect(full.textContent!.trim()).to.equal('You have added 1 of 1 photos.');
    // On a timeout, say where the focus is instead.
    await waitUntil(() => focused(element) === 'p#photos-full').catch(() => expect(focused(element)).to.equal('p#photos-full'));
  });
});
