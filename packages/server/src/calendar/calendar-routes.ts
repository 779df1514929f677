import type { FastifyInstance } from 'fastify';
import { holidayYears } from './holiday-calendar.js';

/**
 * GET /calendar/holidays.json: China's public holidays and make-up workdays in
 * the holiday-cn JSON format (an array of years), for the service locator's
 * `holidays-src`. Read once at start; the arrangement changes once a year.
 */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const body = JSON.stringify(holidayYears());
  app.get('/calendar/holidays.json', async (_request, reply) => {
    reply.header('Cache-Control', 'public, max-age=86400').type('application/json; charset=utf-8');
    return body;
  });
}
