// Preact JSX with the generated types of every widget: properties and
// `on<event-name>` listeners as React 19 spells them. Checked by
// e2e/framework-types.e2e.mjs; each @ts-expect-error must be an error.
import type {} from '@civic-widgets/feedback/preact';
import type {} from '@civic-widgets/notice-board/preact';
import type {} from '@civic-widgets/satisfaction-survey/preact';
import type { CivicNoticeOpenEvent } from '@civic-widgets/notice-board';

export const page = (
  <main>
    <civic-satisfaction-survey
      endpoint="/surveys/responses"
      serviceId="lift-breakdown"
      sampleRate={0.5}
      headingLevel={3}
      careMode
      oncivic-survey-success={(event) => console.log(event.detail.idempotencyKey)}
    />
    <civic-feedback endpoint="/open311/v2" maxPhotos={2} oncivic-feedback-success={(event) => console.log(event.detail.notice)} />
    <civic-notice-board src="/notices.json" pageSize={10} oncivic-notice-open={(event: CivicNoticeOpenEvent) => console.log(event.detail)} />
  </main>
);

// @ts-expect-error sampleRate is a number
export const wrongType = <civic-satisfaction-survey sampleRate="half" />;

// @ts-expect-error serviceID is no property of the survey
export const unknownProperty = <civic-satisfaction-survey serviceID="lift-breakdown" />;

// @ts-expect-error the survey's success event has no notice
export const wrongEvent = <civic-satisfaction-survey oncivic-survey-success={(event) => console.log(event.detail.notice)} />;
