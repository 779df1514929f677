// GET /calendar/holidays.json: the State Council's 2026 holidays and make-up workdays in the holiday-cn format.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testApp } from './helpers/test-app.mjs';

let server;
before(async () => {
  server = await testApp();
});
after(() => server.close());

/** The notice 国办发明电〔2025〕7号 (4 November 2025), day by day. */
const off = {
  元旦: ['2026-01-01', '2026-01-02', '2026-01-03'],
  春节: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  清明节: ['2026-04-04', '2026-04-05', '2026-04-06'],
  劳动节: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
  端午节: ['2026-06-19', '2026-06-20', '2026-06-21'],
  中秋节: ['2026-09-25', '2026-09-26', '2026-09-27'],
  国庆节: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
};
const workdays = { 元旦: ['2026-01-04'], 春节: ['2026-02-14', '2026-02-28'], 劳动节: ['2026-05-09'], 国庆节: ['2026-09-20', '2026-10-10'] };

describe('GET /calendar/holidays.json', () => {
  test('is the 2026 arrangement in the holiday-cn format, cacheable for a day', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/calendar/holidays.json' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.headers['cache-control'], 'public, max-age=86400');
    const [year, ...others] = response.json();
    assert.equal(others.length, 0);
    assert.equal(year.year, 2026);
    assert.match(year.source, /国办发明电〔2025〕7号/);
    const dates = (isOffDay) => {
      const byName = {};
      for (const day of year.days.filter((entry) => entry.isOffDay === isOffDay)) (byName[day.name] ??= []).push(day.date);
      return Object.fromEntries(Object.entries(byName).map(([name, list]) => [name, list.sort()]));
    };
    assert.deepEqual(dates(true), off);
    assert.deepEqual(dates(false), workdays);
  });

  test('every make-up workday is a weekend day, and every holiday date is a real date', async () => {
    const [year] = (await server.app.inject({ method: 'GET', url: '/calendar/holidays.json' })).json();
    for (const day of year.days) {
      const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
      assert.equal(new Date(`${day.date}T00:00:00Z`).toISOString().slice(0, 10), day.date);
      if (!day.isOffDay) assert.ok(weekday === 0 || weekday === 6, `${day.date} is a weekend day`);
    }
  });
});
