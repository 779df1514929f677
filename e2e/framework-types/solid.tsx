// Solid JSX with the generated types of every widget: attributes by their
// names (Solid sets them as the properties they name on a custom element),
// `prop:` by the property's name, `on:<event-name>` listeners. Checked by
// e2e/framework-types.e2e.mjs; each @ts-expect-error must be an error.
import type {} from '@civic-widgets/feedback/solid';
import type {} from '@civic-widgets/notice-board/solid';
import type {} from '@civic-widgets/satisfaction-survey/solid';

export const page = (
  <main>
    <civic-satisfaction-survey
      endpoint="/surveys/responses"
      service-id="lift-breakdown"
      prop:sampleRate={0.5}
      heading-level={3}
      care-mode={true}
      on:civic-survey-success={(event) => console.log(event.detail.idempotencyKey)}
    />
    <civic-feedback endpoint="/open311/v2" max-photos={2} on:civic-feedback-success={(event) => console.log(event.detail.notice)} />
    <civic-notice-board src="/notices.json" prop:pageSize={10} on:civic-notice-open={(event) => console.log(event.detail)} />
  </main>
);

// @ts-expect-error heading-level is a number
export const wrongAttributeType = <civic-satisfaction-survey heading-level="three" />;

// @ts-expect-error sampleRate is a number
export const wrongPropertyType = <civic-satisfaction-survey prop:sampleRate="half" />;

// @ts-expect-error the survey's success event has no notice
export const wrongEvent = <civic-satisfaction-survey on:civic-survey-success={(event) => console.log(event.detail.notice)} />;
