// Namespace rules (core validation ValidateNamespace / ValidateNamespaceUpdate).
import type { FieldError } from './fieldErrors';
import { invalid } from './fieldErrors';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta';
import { isDNS1123Label, isQualifiedName } from './names';
import type { Obj } from './obj';
import { arr, rec, recOr, str } from './obj';

/** validateNamespace(ns, old?): cluster-scoped, DNS-1123 label name, known or qualified finalizers. */
export function validateNamespace(ns: Obj, old?: Obj): FieldError[] {
  const errs = old
    ? validateObjectMetaUpdate(rec(ns['metadata']), rec(old['metadata']))
    : validateObjectMeta(rec(ns['metadata']), { namespaced: false, nameFn: isDNS1123Label });
  for (const f of arr(recOr(ns['spec'])['finalizers'])) {
    const name = str(f);
    const msgs = isQualifiedName(name);
    errs.push(...msgs.map((m) => invalid('spec.finalizers', name, m)));
    if (msgs.length === 0 && !name.includes('/') && name !== 'kubernetes') {
      errs.push(
        invalid(
          'spec.finalizers',
          name,
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      );
    }
  }
  return errs;
}
