import { expect } from '@open-wc/testing';
import { fill, query, renderFeedback } from './helpers/widget.js';

// What the citizen is told before agreeing, and what the browser is not invited to fill in.

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<civic-feedback> privacy notice', () => {
  it('the address field is where the problem is: the browser is not invited to fill in a home address', async () => {
    const element = await renderFeedback();
    const address = query<HTMLInputElement>(element, '#address');
    expect(address.getAttribute('autocomplete')).to.equal('off');
  });

  it('the consent says plainly what is published and what is not, and the checkbox is described by it', async () => {
    const element = await renderFeedback();
    await fill(element, '#phone', '138 0000 0000');
    const consent = query<HTMLInputElement>(element, '#consent');
    const hint = query(element, '#consent-hint');
    expect(consent.getAttribute('aria-describedby')!.split(' ')).to.include('consent-hint');
    expect(text(hint)).to.equal(
      'Published, so anyone can follow the progress: the category, the status and a rough area, such as the subdistrict. ' +
        'Not published: your description, address and photos stay with district staff, unless staff publish a version with personal details removed. ' +
        'Your name, phone number and email address are never published.',
    );
  });
});
