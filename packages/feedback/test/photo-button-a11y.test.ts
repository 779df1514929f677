import { expect, waitUntil } from '@open-wc/testing';
import { choose, chooseFiles, png, query, renderFeedback, shadow } from './helpers/widget.js';

// What a screen reader is told about the photo picker: no native file input
// leaking the browser's "No file chosen" (in English on a Chinese page), and the
// photos chosen as a labelled list. And a datetime field keeps a visible focus.

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<civic-feedback> photo picker and date field, as assistive technology meets them', () => {
  it('is a button named "Add photos" with no value, and the chosen photos are a list labelled with their count', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0', lang: 'zh-Hans' });
    chooseFiles(element, [await png(120, 90, 'left.png'), await png(120, 90, 'right.png')]);
    await waitUntil(() => shadow(element).querySelectorAll('canvas[role="img"]').length === 2, 'two photos added', { timeout: 8000 });
    await waitUntil(() => !query(element, '#add-photos').hasAttribute('aria-disabled'), 'photos prepared');

    // The native file input is out of the accessibility tree (display: none): its "No file chosen" cannot leak.
    const input = query<HTMLInputElement>(element, 'input[type="file"]');
    expect(input.hidden).to.equal(true);
    expect(getComputedStyle(input).display).to.equal('none');
    expect(shadow(element).querySelectorAll('label[for="photos"]').length).to.equal(0);
    // What citizens press is a real button, named in the page's language, with no value.
    const button = query<HTMLButtonElement>(element, '#add-photos');
    expect(button.localName).to.equal('button');
    expect(text(button)).to.equal('添加照片');
    expect(button.hasAttribute('value')).to.equal(false);
    // Described by the hint and by how many photos are in.
    const described = button.getAttribute('aria-describedby')!.split(' ').map((id) => text(shadow(element).getElementById(id)));
    expect(text(query(element, '#photos-count'))).to.equal('已添加 2 张照片，最多 3 张。');
    expect(described).to.include('已添加 2 张照片，最多 3 张。');
    // The photos are a list named by that count, each photo an image named with its number and file name.
    const list = query(element, 'ul.thumbnails');
    expect(list.getAttribute('aria-labelledby')).to.equal('photos-count');
    expect([...list.querySelectorAll('[role="img"]')].map((image) => image.getAttribute('aria-label'))).to.deep.equal([
      '第 1 张照片：left.jpg',
      '第 2 张照片：right.jpg',
    ]);
  });

  it('a datetime field keeps a visible focus indicator around it while focus is anywhere inside, its calendar button included', async () => {
    const element = await renderFeedback({ 'min-fill-time': '0' });
    await choose(element, 'noise');
    const field = query<HTMLInputElement>(element, 'input[type="datetime-local"]');
    const wrapper = field.parentElement!;
    expect(getComputedStyle(wrapper).outlineStyle).to.equal('none');
    field.focus();
    expect(wrapper.matches(':focus-within')).to.equal(true);
    expect(getComputedStyle(wrapper).outlineStyle).to.equal('solid');
    expect(getComputedStyle(wrapper).outlineWidth).to.equal('3px');
  });
});
