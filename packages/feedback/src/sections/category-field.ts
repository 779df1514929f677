import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { describedBy, errorId, errorMessage, hintId } from '../form/field-parts.js';
import type { Service } from '../open311/open311-types.js';

/** The category picker: a native select, with the server's groups (咨询, 求助, 投诉…) as optgroups. */
export function categoryField(services: Service[], selectedCode: string, error: string | undefined, onChoose: (code: string) => void) {
  const groups = new Map<string, Service[]>();
  for (const service of services) groups.set(service.group, [...(groups.get(service.group) ?? []), service]);
  const option = (service: Service) => html`<option value=${service.code} ?selected=${service.code === selectedCode}>${service.name}</option>`;
  const selected = services.find((service) => service.code === selectedCode);
  return html`<div class="field ${error ? 'has-error' : ''}" part="field">
    <label for="category">${msg('What is your message about?')}</label>
    ${errorMessage('category', error)}
    <select
      id="category"
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${describedBy(selected?.description && hintId('category'), error && errorId('category'))}
      @change=${(event: Event) => onChoose((event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!selected}>${msg('Choose a category')}</option>
      ${[...groups].map(([group, members]) => (group ? html`<optgroup label=${group}>${members.map(option)}</optgroup>` : members.map(option)))}
    </select>
    ${selected?.description ? html`<span class="hint after" id=${hintId('category')}>${selected.description}</span>` : nothing}
  </div>`;
}
