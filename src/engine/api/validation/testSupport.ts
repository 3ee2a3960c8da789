// Test helpers for the validation tests: YAML in, the API server's field errors out. Test-only.
import { parse } from 'yaml';
import type { FieldError } from './fieldErrors';
import { errorText } from './fieldErrors';
import { validateManifestObject } from './index';

/** Parses one YAML document (YAML 1.1, like kubectl's go-yaml). */
export function y(text: string): Record<string, unknown> {
  return parse(text, { version: '1.1' }) as Record<string, unknown>;
}

/** Field errors of a manifest (optionally as an update of `old`). */
export function errorsOf(text: string, oldText?: string): FieldError[] {
  return validateManifestObject(y(text), oldText === undefined ? undefined : y(oldText)).errors;
}

/** The error texts (`<field>: <body>`) of a manifest. */
export function textsOf(text: string, oldText?: string): string[] {
  return errorsOf(text, oldText).map(errorText);
}

/** A minimal valid Deployment with `spec` lines appended/overridden by the caller's YAML. */
export function deployment(specExtra = '', containerExtra = '', name = 'web'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
${containerExtra}
${specExtra}`;
}
