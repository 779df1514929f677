// The survey's Vue 3 GlobalComponents type, generated from its Custom Elements
// Manifest: Volar (vue-tsc) checks the template's props and @events against it.
import type {} from '@civic-widgets/satisfaction-survey/vue';
import type { GlobalComponents } from 'vue';

type SurveyProps = GlobalComponents['civic-satisfaction-survey'] extends new (...args: never[]) => { $props: infer Props } ? Props : never;

export const typed: Pick<SurveyProps, 'endpoint' | 'serviceId' | 'onCivicSurveySuccess'> = {
  endpoint: '/surveys/responses',
  serviceId: 'lift-breakdown',
  onCivicSurveySuccess: (event) => console.log(event.detail.idempotencyKey),
};
