// The YAML language worker (monaco-yaml: schema validation, completion, hover, formatting). Loaded
// with `?worker` by monacoSetup.ts; nothing else belongs here.
import 'monaco-yaml/yaml.worker.js';
