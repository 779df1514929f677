import { expect } from '@open-wc/testing';
import { buildSubmission } from '../src/open311/open311-client.js';
import type { ServiceAttribute } from '../src/open311/open311-types.js';
import { toOpen311Fields } from '../src/form/to-open311-fields.js';
import { valuesFromRequest } from '../src/form/values-from-request.js';
import { emptyValues, type FeedbackValues } from '../src/form/feedback-values.js';

const attribute = (code: string, datatype: ServiceAttribute['datatype']): ServiceAttribute => ({
  code,
  variable: true,
  datatype,
  required: false,
  description: code,
  datatypeDescription: '',
  order: 0,
  values: [],
});

/** A refused report kept on the device goes back into the form exactly as the citizen filled it in. */
describe('giving a refused report back to the form', () => {
  it('rebuilds text, answers, position, contact and photos from what was sent', async () => {
    const values: FeedbackValues = {
      ...emptyValues('noise'),
      // A computed key, as the form stores answers: "__proto__" is an own property, not the prototype.
      attributes: { source: 'traffic', times: ['evening', 'night'], started: '2026-11-20T22:30', floor: '6', ['__proto__']: 'odd code' },
      description: '夜里渣土车经过，噪声很大',
      address: '淮海中路 100 号',
      position: { latitude: 31.2304, longitude: 121.4737 },
      name: '张三',
      phone: '13800000000',
      email: 'zhang@example.com',
    };
    const attributes = ['source', 'times', 'started', 'floor', '__proto__'].map((code) =>
      attribute(code, code === 'times' ? 'multivaluelist' : code === 'started' ? 'datetime' : 'string'),
    );
    const canvas = new OffscreenCanvas(40, 30);
    canvas.getContext('2d')!.fillRect(0, 0, 40, 30);
    const photo = await canvas.convertToBlob({ type: 'image/jpeg' });
    const fields = toOpen311Fields(values, attributes, { apiKey: '', jurisdictionId: '', location: 'optional' });
    const request = buildSubmission({ endpoint: 'https://311.example/v2', jurisdictionId: '', timeoutMs: 1000, locale: 'en', maxResponseBytes: 2_000_000 }, fields, [
      { blob: photo, name: 'street.jpg' },
    ]);

    const back = await valuesFromRequest(request, { personal: true });

    expect({ ...back.values, attributes: { ...back.values.attributes } }).to.deep.equal({
      ...values,
      position: { latitude: 31.2304, longitude: 121.4737 },
      attributes: { ...values.attributes },
    });
    expect(Object.hasOwn(back.values.attributes, '__proto__')).to.equal(true);
    expect(back.photos.map(({ name, bitmap }) => [name, bitmap.width, bitmap.height])).to.deep.equal([['street.jpg', 40, 30]]);
  });
});
