// Registers <civic-satisfaction-survey> before React renders: React 19 then sets
// its properties (not attributes). A tag React renders before it is defined gets
// its props as attributes spelt as the props (`serviceid="…"`); the widget takes
// those as its properties when it is defined (`?define=after-render` shows it).
// Every widget property is a string, a number or a boolean: no object can
// become "[object Object]".
import type {} from '@civic-widgets/satisfaction-survey/react';
import type { CivicSurveySuccessEvent } from '@civic-widgets/satisfaction-survey';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint') ?? '';
const defineAfterRender = params.get('define') === 'after-render';
const defineWidgets = () => import('@civic-widgets/satisfaction-survey/define.js');

function App() {
  const [received, setReceived] = useState('');
  return (
    <main>
      <h1>办事评价</h1>
      <civic-satisfaction-survey
        endpoint={endpoint}
        serviceId="lift-breakdown"
        sampleRate={1}
        headingLevel={3}
        callback={false}
        oncivic-survey-success={(event: CivicSurveySuccessEvent) => setReceived(event.detail.idempotencyKey)}
      />
      <output id="received">{received}</output>
    </main>
  );
}

if (!defineAfterRender) await defineWidgets();
const root = createRoot(document.getElementById('root')!);
// Committed to the DOM now, so that with ?define=after-render the tag is defined only afterwards.
flushSync(() => root.render(<App />));
if (defineAfterRender) await defineWidgets();
