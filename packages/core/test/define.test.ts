import { expect } from '@open-wc/testing';
import { defineCivicElement } from '../src/index.js';

function versioned(version: string) {
  return class extends HTMLElement {
    static readonly version = version;
  };
}

/** Runs `task` and returns what it sent to console.warn and console.error. */
function captureConsole(task: () => void): { warnings: unknown[][]; errors: unknown[][] } {
  const warnings: unknown[][] = [];
  const errors: unknown[][] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => warnings.push(args);
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    task();
  } finally {
    console.warn = warn;
    console.error = error;
  }
  return { warnings, errors };
}

describe('defineCivicElement', () => {
  it('registers a new tag', () => {
    const tag = `test-define-${crypto.randomUUID()}`;
    const first = versioned('1.0.0');
    defineCivicElement(tag, first);
    expect(customElements.get(tag)).to.equal(first);
  });

  it('is a silent no-op for the same version registered twice', () => {
    const tag = `test-define-${crypto.randomUUID()}`;
    const first = versioned('1.0.0');
    defineCivicElement(tag, first);
    const logged = captureConsole(() => defineCivicElement(tag, versioned('1.0.0')));
    expect(logged).to.deep.equal({ warnings: [], errors: [] });
    expect(customElements.get(tag)).to.equal(first);
  });

  it('warns once, naming both versions, when another version is loaded', () => {
    const tag = `test-define-${crypto.randomUUID()}`;
    const first = versioned('1.0.0');
    defineCivicElement(tag, first);
    const logged = captureConsole(() => defineCivicElement(tag, versioned('2.1.0')));
    expect(logged.errors).to.have.length(0);
    expect(logged.warnings).to.have.length(1);
    const message = String(logged.warnings[0]![0]);
    expect(message).to.include(tag).and.include('1.0.0').and.include('2.1.0');
    expect(customElements.get(tag)).to.equal(first);
  });
});
