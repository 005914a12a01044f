// Setup of the `web-dom` test project (component tests in happy-dom): what antd reads from a browser
// that happy-dom lacks or answers differently, and a clean DOM and storage after every test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: NoopResizeObserver });
}

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'); happy-dom rejects pseudo-elements
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element) => computedStyle(el);

afterEach(() => {
  cleanup();
  localStorage.clear();
});
