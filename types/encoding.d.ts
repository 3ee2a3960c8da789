// WHATWG Encoding for the engine project, which has no DOM or Node globals. TextEncoder and
// TextDecoder exist, and behave the same, in all three engine hosts (page worker, Vitest, the CLI),
// and they are deterministic, so the engine may use them.

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
