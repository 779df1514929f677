// Registers <civic-satisfaction-survey> before React renders: React 19 then sets
// its properties (not attributes). Rendered before the tag is defined, React
// would write every prop as an attribute, objects as "[object Object]".
import '@civic-widgets/satisfaction-survey/define.js';
// React 19 JSX types for the tag, generated from its Custom Elements Manifest.
import type {} from '@civic-widgets/satisfaction-survey/react';
import type { CivicSurveySuccessEvent } from '@civic-widgets/satisfaction-survey';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const endpoint = new URLSearchParams(location.search).get('endpoint') ?? '';

function App() {
  const [received, setReceived] = useState('');
  return (
    <main>
      <h1>办事评价</h1>
      <civic-satisfaction-survey
        endpoint={endpoint}
        serviceId="lift-breakdown"
        sampleRate={1}
        callback={false}
        oncivic-survey-success={(event: CivicSurveySuccessEvent) => setReceived(event.detail.idempotencyKey)}
      />
      <output id="received">{received}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
