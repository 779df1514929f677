import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { PreparedPhoto } from '../photos/downscale-photo.js';
import { drawThumbnail } from '../photos/draw-thumbnail.js';
import { errorMessage, hintId } from '../form/field-parts.js';

export interface PhotosSectionProps {
  photos: PreparedPhoto[];
  maxPhotos: number;
  problem: string | undefined;
  busy: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (index: number) => void;
}

export function photosSection(props: PhotosSectionProps) {
  const { photos, maxPhotos } = props;
  const full = photos.length >= maxPhotos;
  return html`<div class="field" part="field">
    <label for="photos">${msg('Photos (optional)')}</label>
    <span class="hint" id=${hintId('photos')}>
      ${msg(str`Up to ${maxPhotos}. They are made smaller on your device before sending.`)}
    </span>
    ${errorMessage('photos', props.problem)}
    ${full
      ? html`<p>${msg(str`You have added ${photos.length} of ${maxPhotos} photos.`)}</p>`
      : html`<input
          id="photos"
          type="file"
          accept="image/*"
          multiple
          aria-describedby=${hintId('photos')}
          ?disabled=${props.busy}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            props.onAdd([...(input.files ?? [])]);
            input.value = '';
          }}
        />`}
    ${photos.length > 0
      ? html`<ul class="thumbnails">
          ${photos.map(
            (photo, index) => html`<li>
              <canvas
                width="96"
                height="96"
                role="img"
                aria-label=${msg(str`Photo ${index + 1}: ${photo.name}`)}
                ${drawThumbnail(photo.bitmap)}
              ></canvas>
              <button type="button" class="remove-photo" @click=${() => props.onRemove(index)}>
                ${msg(str`Remove photo ${index + 1}`)}
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}
