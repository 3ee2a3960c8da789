// The field-type grammar of kubeFields.generated.ts and helpers to read it; never decides validity.

/**
 * A field's wire type: `string`, `int32`, `int64`, `bool`, `intOrString`, `quantity`, `time`,
 * `any`, `ref:<module.Struct>`, `[]<type>` (array) or `map:<type>` (string-keyed map).
 */
export type KubeFieldType = string;

/** Struct name (e.g. `core/v1.ServicePort`) -> JSON field name -> field type. */
export type KubeTypeTable = Readonly<Record<string, Readonly<Record<string, KubeFieldType>>>>;

/** `apiVersion/Kind` (e.g. `apps/v1/Deployment`) -> root struct name. */
export type KubeKindRoots = Readonly<Record<string, string>>;

/** The Go spelling of a field type, as encoding/json prints it in "of type …". */
export function goTypeName(t: KubeFieldType): string {
  if (t.startsWith('[]')) return `[]${goTypeName(t.slice(2))}`;
  if (t.startsWith('map:')) return `map[string]${goTypeName(t.slice(4))}`;
  if (t.startsWith('ref:')) return `v1.${t.slice(t.lastIndexOf('.') + 1)}`;
  switch (t) {
    case 'bool':
      return 'bool';
    case 'int32':
    case 'int64':
    case 'string':
      return t;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    default:
      return 'interface {}';
  }
}

/** The Go struct name (`ServicePort`) of a `module.Struct` name. */
export function goStructName(struct: string): string {
  return struct.slice(struct.lastIndexOf('.') + 1);
}
