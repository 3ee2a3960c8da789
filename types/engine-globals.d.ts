// The few host globals the engine project may use although they are not ECMAScript: they exist and
// behave the same in all three engine hosts (the page's worker, Vitest, the CLI), and they are
// deterministic. Anything else (timers, clocks, DOM, Node) stays out of src/engine.

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare const TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

/** HTML structured clone: a deep copy of plain data (objects, arrays, Maps, Sets, Dates…). */
declare function structuredClone<T>(value: T): T;

/** Vite's `?raw` imports (text fixtures in tests, lesson YAML), as vite/client declares them. */
declare module '*?raw' {
  const text: string;
  export default text;
}
