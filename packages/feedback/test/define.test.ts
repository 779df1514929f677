import { expect } from '@open-wc/testing';
import { defineCivicElement } from '@civic-widgets/core';
// Only the class module, statically: it must register nothing by itself.
import { CivicFeedback } from '../src/index.js';
import { version } from '../src/version.js';

// Captured when this module runs, before any test imports the define module.
// (Plain values only: a failed assertion holding a class or DOM node hangs the test runner.)
const registeredByIndexImport = {
  tag: customElements.get('civic-feedback') !== undefined,
  name: customElements.getName(CivicFeedback),
};

/** Whether <civic-feedback> is registered, and with which class. */
function registration(): 'none' | 'CivicFeedback' | 'another class' {
  const registered = customElements.get('civic-feedback');
  if (!registered) return 'none';
  return registered === CivicFeedback ? 'CivicFeedback' : 'another class';
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

describe('registering <civic-feedback>', () => {
  it('importing the package’s main module registers no element', () => {
    expect(registeredByIndexImport.tag).to.equal(false);
    expect(registeredByIndexImport.name).to.equal(null);
    // The class is usable under a tag the page chooses.
    const tag = `district-feedback-${crypto.randomUUID()}`;
    customElements.define(tag, class extends CivicFeedback {});
    expect(registration()).to.equal('none');
  });

  it('the define module registers civic-feedback with the class', async () => {
    await import('../src/define.js');
    expect(registration()).to.equal('CivicFeedback');
    expect(CivicFeedback.version).to.equal(version);
    const element = document.createElement('civic-feedback');
    expect(element instanceof CivicFeedback).to.equal(true);
  });

  it('a second copy with another version warns once, naming both, and does not throw', async () => {
    await import('../src/define.js');
    // `static version = '9.9.9'` in a subclass; set on the class because CivicFeedback.version
    // is typed as its literal version, which TypeScript would not let a subclass change.
    const newer = class extends CivicFeedback {};
    Object.defineProperty(newer, 'version', { value: '9.9.9' });
    let logged: ReturnType<typeof captureConsole> | undefined;
    expect(() => {
      logged = captureConsole(() => defineCivicElement('civic-feedback', newer));
    }).to.not.throw();
    expect(logged!.errors).to.deep.equal([]);
    expect(logged!.warnings).to.have.length(1);
    const message = logged!.warnings[0]!.map(String).join(' ');
    expect(message).to.include('civic-feedback').and.include(version).and.include('9.9.9');
    // The first registration stays.
    expect(registration()).to.equal('CivicFeedback');
  });

  it('a second copy with the same version is silent', async () => {
    await import('../src/define.js');
    const logged = captureConsole(() => {
      defineCivicElement('civic-feedback', class extends CivicFeedback {});
      defineCivicElement('civic-feedback', CivicFeedback);
    });
    expect(logged).to.deep.equal({ warnings: [], errors: [] });
    expect(registration()).to.equal('CivicFeedback');
  });

  it('loading the define module twice registers once, silently', async () => {
    await import('../src/define.js');
    const logged: unknown[][] = [];
    const lookups: string[] = [];
    const { warn, error } = console;
    const get = customElements.get;
    console.warn = (...args: unknown[]) => logged.push(args);
    console.error = (...args: unknown[]) => logged.push(args);
    customElements.get = function (name: string) {
      lookups.push(name);
      return get.call(customElements, name);
    };
    try {
      // A second copy of the module (another URL), as a page loading the script twice would.
      await import(`${new URL('../src/define.ts', import.meta.url).href}?copy=${crypto.randomUUID()}`);
    } finally {
      console.warn = warn;
      console.error = error;
      customElements.get = get;
    }
    // The copy really ran and found the tag taken.
    expect(lookups).to.include('civic-feedback');
    expect(logged).to.deep.equal([]);
    expect(registration()).to.equal('CivicFeedback');
  });
});
