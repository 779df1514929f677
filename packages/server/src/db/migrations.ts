import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** One schema step, written once with Kysely's schema builder for both engines. */
export type Migration = (db: Kysely<any>, engine: Engine) => Promise<void>;

/** The few places where the engines name a thing differently. */
function dialect(engine: Engine) {
  const postgres = engine === 'postgres';
  return {
    // Binary order on PostgreSQL, as SQLite compares text: ISO dates and ids sort the same on both.
    text: postgres ? sql`text collate "C"` : sql`text`,
    real: postgres ? sql`double precision` : sql`real`,
    /** Numbers handed out once and never again, even after a delete (an identity column; AUTOINCREMENT). */
    id: postgres ? sql`bigint` : sql`integer`,
    serial: (column: ColumnDefinitionBuilder) => (postgres ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement()),
    json: (column: string) => (postgres ? sql`(${sql.ref(column)}::jsonb is not null)` : sql`json_valid(${sql.ref(column)})`),
    keyed: <T extends string, C extends string>(table: CreateTableBuilder<T, C>) => (postgres ? table : table.modifyEnd(sql`without rowid`)),
  };
}

/**
 * The schema, one step per released change. SQLite records how many have run
 * in `PRAGMA user_version` (as before steps were written with the schema
 * builder, so existing databases carry on), PostgreSQL in `schema_version`.
 * Never edit a step that has shipped: add the next one.
 */
export const migrations: Migration[] = [
  async (db, engine) => {
    const { text, real, id, serial, json, keyed } = dialect(engine);
    await db.schema
      .createTable('services')
      .addColumn('service_code', text, (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      // Localized texts and the attribute list, as in seed/services.json.
      .addColumn('data', text, (c) => c.notNull().check(json('data')))
      .execute();
    let requests = db.schema
      .createTable('service_requests')
      .addColumn('id', id, serial)
      .addColumn('service_request_id', text, (c) => c.notNull().unique())
      .addColumn('service_code', text, (c) => c.notNull().references('services.service_code'))
      .addColumn('status', text, (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`));
    for (const name of ['status_notes', 'agency_responsible', 'service_notice', 'description', 'address_string', 'address_id']) {
      requests = requests.addColumn(name, text);
    }
    requests = requests.addColumn('lat', real).addColumn('long', real);
    for (const name of ['first_name', 'last_name', 'phone', 'email', 'device_id', 'account_id', 'jurisdiction_id']) {
      requests = requests.addColumn(name, text);
    }
    await requests
      .addColumn('attributes', text, (c) => c.notNull().defaultTo('{}').check(json('attributes')))
      .addColumn('media_urls', text, (c) => c.notNull().defaultTo('[]').check(json('media_urls')))
      .addColumn('requested_datetime', text, (c) => c.notNull())
      .addColumn('updated_datetime', text, (c) => c.notNull())
      .addColumn('expected_datetime', text)
      .execute();
    await db.schema.createIndex('service_requests_by_time').on('service_requests').column('requested_datetime').execute();
    await db.schema.createIndex('service_requests_by_code').on('service_requests').columns(['service_code', 'requested_datetime']).execute();

    // The first answer to each Idempotency-Key, replayed for its retries.
    await keyed(
      db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', text, (c) => c.notNull())
        .addColumn('key', text, (c) => c.notNull())
        .addColumn('state', text, (c) => c.notNull().check(sql`state in ('pending', 'done')`))
        .addColumn('status', 'integer')
        .addColumn('body', text)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pkey', ['scope', 'key']),
    ).execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('id', id, serial)
      .addColumn('service_id', text, (c) => c.notNull())
      .addColumn('scale', text, (c) => c.notNull())
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('reasons', text, (c) => c.notNull().defaultTo('[]').check(json('reasons')))
      .addColumn('comment', text)
      .addColumn('callback_name', text)
      .addColumn('callback_phone', text)
      .addColumn('page_url', text)
      .addColumn('locale', text)
      .addColumn('submitted_at', text)
      .addColumn('received_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('survey_responses_by_service').on('survey_responses').columns(['service_id', 'scale', 'received_at']).execute();

    await db.schema
      .createTable('notices')
      .addColumn('id', text, (c) => c.primaryKey())
      // Localized texts, tags and attachments, as in seed/notices.json.
      .addColumn('data', text, (c) => c.notNull().check(json('data')))
      .addColumn('date_published', text, (c) => c.notNull())
      .addColumn('date_modified', text)
      .execute();

    await db.schema
      .createTable('service_points')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('lat', real, (c) => c.notNull())
      .addColumn('long', real, (c) => c.notNull())
      .addColumn('data', text, (c) => c.notNull().check(json('data')))
      .execute();
  },
  // 2: facts about the database itself. 'seeded' records that the demo data was
  // loaded, or that the database had data of its own, so that the demo is never
  // loaded again and tables emptied on purpose stay empty.
  async (db, engine) => {
    const { text, keyed } = dialect(engine);
    await keyed(
      db.schema
        .createTable('meta')
        .addColumn('key', text, (c) => c.primaryKey())
        .addColumn('value', text, (c) => c.notNull()),
    ).execute();
    // A database that already has data was seeded before, or filled by its district.
    const filled = await db
      .selectNoFrom((eb) =>
        eb
          .or(['services', 'notices', 'service_points'].map((table) => eb.exists(eb.selectFrom(table).select(sql.lit(1).as('one')))))
          .as('filled'),
      )
      .executeTakeFirstOrThrow();
    if (filled.filled) await db.insertInto('meta').values({ key: 'seeded', value: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') }).execute();
  },
  // 3: each try that holds an Idempotency-Key has its own id, so that a try that
  // was taken over can neither complete nor free the key; and a fingerprint of
  // the request, so that the key reused for another request is refused.
  async (db, engine) => {
    const { text } = dialect(engine);
    await db.schema.alterTable('idempotency_keys').addColumn('attempt', text).execute();
    await db.schema.alterTable('idempotency_keys').addColumn('fingerprint', text).execute();
  },
  // 4: what the public may see of a report (staff decide), reports held as
  // suspected spam, when a report was closed (the retention clock) and when it
  // was anonymized; survey call-backs staff have handled. The queue index
  // serves the staff list, open reports oldest first.
  async (db, engine) => {
    const { text } = dialect(engine);
    const requests = () => db.schema.alterTable('service_requests');
    await requests().addColumn('public_description', text).execute();
    await requests()
      .addColumn('media_public', 'integer', (c) => c.notNull().defaultTo(0).check(sql`media_public in (0, 1)`))
      .execute();
    await requests()
      .addColumn('review', text, (c) => c.check(sql`review in ('suspected-spam')`))
      .execute();
    await requests().addColumn('closed_datetime', text).execute();
    await requests().addColumn('anonymized_datetime', text).execute();
    await db
      .updateTable('service_requests')
      .set((eb) => ({ closed_datetime: eb.ref('updated_datetime') }))
      .where('status', '=', 'closed')
      .execute();
    await db.schema.createIndex('service_requests_queue').on('service_requests').columns(['status', 'id']).execute();
    await db.schema
      .createIndex('service_requests_closed')
      .on('service_requests')
      .column('closed_datetime')
      .where(sql.ref('anonymized_datetime'), 'is', null)
      .execute();
    await db.schema.alterTable('survey_responses').addColumn('callback_handled_at', text).execute();
    await db.schema.createIndex('survey_callbacks').on('survey_responses').column('received_at').where(sql.ref('callback_phone'), 'is not', null).execute();
  },
];
