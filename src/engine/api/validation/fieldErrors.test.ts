import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GoStruct,
  duplicate,
  errorText,
  forbidden,
  invalid,
  notSupported,
  required,
  tooLong,
  tooMany,
} from './fieldErrors';
import { goJSON, goQuote } from './goFormat';
import { isDNS1035Label, isDNS1123Label, isQualifiedName, isValidPortName } from './names';

describe('errorText', () => {
  it('prints strings with %q, numbers plain, composites as JSON', () => {
    expect(errorText(invalid('metadata.name', 'Backend_Service', 'bad'))).toBe(
      'metadata.name: Invalid value: "Backend_Service": bad',
    );
    expect(errorText(invalid('spec.replicas', -1, 'must be greater than or equal to 0'))).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(errorText(invalid('spec.x', { b: '<1>', a: ['10.96.0.5'] }, 'd'))).toBe(
      'spec.x: Invalid value: {"a":["10.96.0.5"],"b":"\\u003c1\\u003e"}: d',
    );
    expect(
      errorText(
        invalid(
          'spec.x',
          new GoStruct([
            ['Z', 1],
            ['A', null],
          ]),
          'd',
        ),
      ),
    ).toBe('spec.x: Invalid value: {"Z":1,"A":null}: d');
  });
  it('Required, Forbidden and TooLong never print the value', () => {
    expect(errorText(required('spec.ports'))).toBe('spec.ports: Required value');
    expect(errorText(required('metadata.name', 'name or generateName is required'))).toBe(
      'metadata.name: Required value: name or generateName is required',
    );
    expect(errorText(forbidden('spec.x', 'no'))).toBe('spec.x: Forbidden: no');
    expect(errorText(tooLong('metadata.annotations', 262144))).toBe(
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    );
  });
  it('NotSupported quotes the values in the given order; TooMany and Duplicate', () => {
    expect(errorText(notSupported('spec.type', 'X', ['B', 'A']))).toBe(
      'spec.type: Unsupported value: "X": supported values: "B", "A"',
    );
    expect(errorText(tooMany('endpoints', 1001, 1000))).toBe(
      'endpoints: Too many: 1001: must have at most 1000 items',
    );
    expect(errorText(duplicate('spec.ports[1].name', 'web'))).toBe(
      'spec.ports[1].name: Duplicate value: "web"',
    );
  });
});

describe('Go printers', () => {
  it('goQuote escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there\n')).toBe('"tab\\there\\n"');
    expect(goQuote('\x01\x7f')).toBe('"\\x01\\x7f"');
    expect(goQuote('ñandú ✓')).toBe('"ñandú ✓"');
    expect(goQuote('\u00a0')).toBe('"\\u00a0"');
  });
  it('goJSON sorts map keys and escapes HTML', () => {
    expect(goJSON({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
    expect(goJSON('a&b')).toBe('"a\\u0026b"');
  });
  it('goQuote output round-trips through JSON for printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_./"\\'.split('')) }), (s) => {
        expect(JSON.parse(goQuote(s))).toBe(s);
      }),
    );
  });
});

describe('name rules', () => {
  it('DNS labels: valid names have no messages', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/), (s) => {
        expect(isDNS1035Label(s)).toEqual([]);
        expect(isDNS1123Label(s)).toEqual([]);
      }),
    );
  });
  it('qualified names with a prefix', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('/name')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/x')[0]).toMatch(
      /^prefix part a lowercase RFC 1123 subdomain/,
    );
  });
  it('port names: all the broken rules at once', () => {
    expect(isValidPortName('-Web--Port-Too-Long-')).toEqual([
      'must be no more than 15 characters',
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
  });
});
