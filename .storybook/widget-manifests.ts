import type { CustomElementsManifest } from '@civic-widgets/feedback/custom-elements.json';
import feedback from '@civic-widgets/feedback/custom-elements.json';
import noticeBoard from '@civic-widgets/notice-board/custom-elements.json';
import satisfactionSurvey from '@civic-widgets/satisfaction-survey/custom-elements.json';
import serviceLocator from '@civic-widgets/service-locator/custom-elements.json';

/**
 * The manifests of every widget package (`npm run manifest` writes one per
 * package), as one: Storybook takes a single manifest, and looks a story's
 * `component` up by tag name across all its modules.
 */
export const widgetManifest: CustomElementsManifest = {
  schemaVersion: feedback.schemaVersion,
  modules: [...feedback.modules, ...satisfactionSurvey.modules, ...noticeBoard.modules, ...serviceLocator.modules],
};
